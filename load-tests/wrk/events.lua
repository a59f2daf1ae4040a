-- wrk script: every request reports one passenger alarm, with an eventId of its own, to one of
-- WRK_ELEVATORS elevators named BENCH-00000...; each is persisted before its 201 (the persistence rule).
-- Used by scripts/bench-events.sh; env: WRK_TOKEN (bearer token), WRK_ELEVATORS, WRK_PREFIX (unique per run).
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("WRK_TOKEN")
  elevators = tonumber(os.getenv("WRK_ELEVATORS") or "100")
  prefix = os.getenv("WRK_PREFIX") or "bench"
  counter = 0
end

function request()
  counter = counter + 1
  local elevator = string.format("BENCH-%05d", (counter * 7 + tid) % elevators)
  local body = string.format(
    '{"eventId":"%s-%d-%d","type":"PASSENGER_ALARM","phase":"RAISED","occurredAt":"%s","detail":"bench"}',
    prefix, tid, counter, os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format("POST", "/api/v1/elevators/" .. elevator .. "/events",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
