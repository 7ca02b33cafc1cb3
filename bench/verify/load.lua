-- wrk script: POST /api/v1/keys/verify with a random key from KEYS_FILE (one per line).
local keys = {}
for line in io.lines(os.getenv("KEYS_FILE")) do
  if #line > 0 then keys[#keys + 1] = line end
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  return wrk.format(nil, nil, nil, '{"key":"' .. keys[math.random(#keys)] .. '"}')
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
