-- wrk script: POST /api/v1/keys/verify with a random key from KEYS_FILE.
-- Each line is "key [keyId codes]": a key Keysmith knows carries its id and the answer codes
-- it may get (",VALID," or, while it is being revoked, ",VALID,REVOKED,"); an unknown key
-- carries "- ,NOT_FOUND,". Only the key is read unless CHECK=1.
--
-- CHECK=1 checks every answer (this costs the generator some throughput, so the measured
-- rounds of bench/verify do without): a 200 whose keyId is known must carry one of that
-- key's codes, and one with no keyId must be NOT_FOUND; a valid key wrongly answered
-- NOT_FOUND shows as more NOT_FOUND answers than unknown keys sent. With RELOAD=1 the file
-- is read again whenever KEYS_FILE.version changes (the soak rewrites it as keys change).
local check = os.getenv("CHECK") == "1"
local reload = os.getenv("RELOAD") == "1"
local path = os.getenv("KEYS_FILE")

local keys, unknown, allowed = {}, {}, {}
local version = nil

local function read_version()
  local f = io.open(path .. ".version")
  if not f then return nil end
  local v = f:read("*a")
  f:close()
  return v
end

local function load_keys()
  version = reload and read_version() or nil
  keys, unknown, allowed = {}, {}, {}
  for line in io.lines(path) do
    local key, id, codes = line:match("^(%S+)%s*(%S*)%s*(%S*)")
    if key then
      keys[#keys + 1] = key
      unknown[#keys] = id == "-"
      if id ~= "" and id ~= "-" then allowed[id] = codes end
    end
  end
end

local function reload_if_changed()
  if reload and read_version() ~= version then load_keys() end
end

-- Counters, per thread; done() sums them.
sent, unknown_sent, not_found, wrong, non200, status429 = 0, 0, 0, 0, 0, 0

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function init()
  load_keys()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  sent = sent + 1
  if sent % 256 == 0 then reload_if_changed() end
  local i = math.random(#keys)
  if unknown[i] then unknown_sent = unknown_sent + 1 end
  return wrk.format(nil, nil, nil, '{"key":"' .. keys[i] .. '"}')
end

local function answer_ok(id, code)
  if id == nil then return code == "NOT_FOUND" end
  local codes = allowed[id]
  return codes ~= nil and codes:find("," .. code .. ",", 1, true) ~= nil
end

if check then
  response = function(status, headers, body)
    if status ~= 200 then
      non200 = non200 + 1
      if status == 429 then status429 = status429 + 1 end
      return
    end
    local code = body:match('"code":"([%u_]+)"')
    local id = body:match('"keyId":"([^"]+)"')
    if code == "NOT_FOUND" and id == nil then not_found = not_found + 1 end
    if not answer_ok(id, code) then
      -- The key may have changed since this thread last read the file: read it, then judge.
      reload_if_changed()
      if not answer_ok(id, code) then wrong = wrong + 1 end
    end
  end
end

done = function(summary, latency, requests)
  local total = { unknown_sent = 0, not_found = 0, wrong = 0, non200 = 0, status429 = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(total) do total[name] = total[name] + thread:get(name) end
  end
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %d %.3f\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency.max))
  if check then
    io.write(string.format("CHECK %d %d %d %d %d\n",
      total.wrong, total.non200, total.status429, total.unknown_sent, total.not_found))
  end
end
