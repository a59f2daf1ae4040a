-- wrk script: every request posts WRK_BATCH readings (one JSON object when 1, else an array) to /api/v1/telemetry,
-- each for its own elevator of WRK_ELEVATORS named BENCH-00000..., as a gateway would. Timestamps are the wall
-- clock's second with a per-request sub-second part, so an elevator's readings rarely share one.
-- Used by scripts/bench-ingest.sh; env: WRK_TOKEN (bearer token; none for the bare endpoint), WRK_ELEVATORS, WRK_BATCH.
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("WRK_TOKEN")
  elevators = tonumber(os.getenv("WRK_ELEVATORS") or "1000")
  batch = tonumber(os.getenv("WRK_BATCH") or "1")
  counter = 0
  next_elevator = tid * 7919
  headers = { ["Content-Type"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
end

local function reading(ts)
  next_elevator = next_elevator + 1
  return string.format('{"elevatorId":"BENCH-%05d","timestamp":"%s","floor":%d,"direction":"UP","speedMps":1.5,'
    .. '"doorState":"CLOSED","loadKg":%d,"runningMode":"NORMAL","safetyCircuitClosed":true,'
    .. '"doorLockCircuitClosed":true,"alarmButtonPressed":false,"passengerPresent":true,"inDoorZone":false,'
    .. '"tripCount":%d}', next_elevator % elevators, ts, counter % 30 + 1, counter % 800, 100000 + counter)
end

function request()
  counter = counter + 1
  local ts = os.date("!%Y-%m-%dT%H:%M:%S", os.time()) .. string.format(".%06dZ", (counter * 4 + tid) % 1000000)
  local body
  if batch == 1 then
    body = reading(ts)
  else
    local parts = {}
    for i = 1, batch do parts[i] = reading(ts) end
    body = "[" .. table.concat(parts, ",") .. "]"
  end
  return wrk.format("POST", "/api/v1/telemetry", headers, body)
end
