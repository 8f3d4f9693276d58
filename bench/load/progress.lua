-- wrk script: record_progress as many signed-in learners would call it. Each request is one
-- "position" event with a fresh id (so it is applied, not a duplicate), sent with the next
-- learner's session cookie in turn: the server allows each learner 120 batches a minute, so the
-- load spreads over every learner in the cookie file.
--
--   COOKIES=file PROGRESS_PATH=/api/record_progress… LESSON_ID=n ORIGIN=http://127.0.0.1:port \
--     wrk -s bench/load/progress.lua http://127.0.0.1:port

local cookies = {}
local next_cookie = 1
local path = os.getenv("PROGRESS_PATH")
local lesson = os.getenv("LESSON_ID")
local origin = os.getenv("ORIGIN")

function init(args)
  for line in io.lines(os.getenv("COOKIES")) do
    if #line > 0 then cookies[#cookies + 1] = line end
  end
  -- Threads start at different learners.
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  next_cookie = math.random(#cookies)
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function request()
  local cookie = cookies[next_cookie]
  next_cookie = next_cookie % #cookies + 1
  local body = string.format(
    '{"events":[{"event_id":"%s","lesson_id":%s,"kind":"position","position_seconds":%d,"duration_seconds":600,"client_at":"%s"}]}',
    uuid(), lesson, math.random(1, 590), os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Origin"] = origin,
    ["Cookie"] = cookie,
  }, body)
end
