-- Sequential registrations of distinct Avro schemas, one new subject each (no compatibility work to do).
local n = 0
local run = os.getenv("ACCORD_RUN") or tostring(os.time())
request = function()
  n = n + 1
  local body = '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"Bench' .. n .. '\\",\\"fields\\":[{\\"name\\":\\"id\\",\\"type\\":\\"long\\"},{\\"name\\":\\"v' .. n .. '\\",\\"type\\":\\"string\\"}]}"}'
  return wrk.format("POST", "/subjects/bench-" .. run .. "-" .. n .. "/versions",
    {["Content-Type"] = "application/vnd.schemaregistry.v1+json"}, body)
end
response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("registration failed: " .. status .. " " .. body .. "\n")
  end
end
