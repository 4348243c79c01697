-- GET /schemas/ids/{id} over ids 1..ACCORD_IDS (set by run.sh), as Kafka deserializers do.
local ids = tonumber(os.getenv("ACCORD_IDS") or "100")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/schemas/ids/" .. math.random(1, ids), {["Accept"] = "application/vnd.schemaregistry.v1+json"})
end
