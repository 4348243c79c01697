-- GET /schemas/ids/{id} over ids 1..ACCORD_IDS (set by run.sh), as Kafka deserializers do; with ACCORD_AUTH set,
-- every request carries that Authorization header (an API key, as basic.auth.user.info sends it).
local ids = tonumber(os.getenv("ACCORD_IDS") or "100")
local auth = os.getenv("ACCORD_AUTH")
math.randomseed(os.time())
local headers = {["Accept"] = "application/vnd.schemaregistry.v1+json"}
if auth and auth ~= "" then
  headers["Authorization"] = auth
end
request = function()
  return wrk.format("GET", "/schemas/ids/" .. math.random(1, ids), headers)
end
