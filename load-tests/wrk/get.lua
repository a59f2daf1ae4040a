-- wrk script: GET the paths in WRK_PATHS (separated by '|') in turn, with the bearer token WRK_TOKEN.
-- Used by scripts/bench-fleet.sh for read-model queries.
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "/health", "[^|]+") do
  table.insert(paths, p)
end
local i = 0

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Authorization"] = "Bearer " .. os.getenv("WRK_TOKEN") })
end
