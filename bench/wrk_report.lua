-- wrk script of bench/pages.py: the request to send, a check of every answer, and, at
-- the end of a run, one line of JSON with the figures the benchmark reads (latencies in
-- microseconds, p95 included, which wrk's own --latency table lacks).
--
-- Arguments, after "--" on wrk's command line (all optional; the default is a GET with
-- no per-answer check, wrk's cheapest run):
--   check                 count every answer whose status is not 2xx ("non2xx"): wrk
--                         itself counts only statuses above 399, so a redirect (to the
--                         login page, to a quiz's results) would pass unseen
--   expect=TEXT           with check: count every 2xx answer whose body lacks TEXT
--   method=POST           the request's method (wrk.method)
--   body=TEXT             the request's body (wrk.body), e.g. a form-encoded form
--   header=Name:Value     an extra request header (wrk.headers), repeatable
-- Every argument is one word of the command line: pages.py passes them without a shell.
--
-- The check is a Lua call per answer, with its headers and body copied into Lua; it
-- costs wrk some CPU per request (measured in bench/README.md) and pages.py turns it on
-- for every URL, the reference included, so that every URL pays the same.

local threads = {}

-- Runs in wrk's main Lua state, once per thread: kept to read each thread's counts.
function setup(thread)
  table.insert(threads, thread)
end

-- Runs in each thread's own Lua state, before its first request.
function init(args)
  non2xx, unexpected, first_bad_status = 0, 0, 0
  checked = false
  local expect = nil
  -- args[0] is the URL; ours follow.
  for i = 1, #args do
    local key, value = string.match(args[i], "^(%w+)=(.*)$")
    if args[i] == "check" then
      checked = true
    elseif key == "expect" then
      expect = value
    elseif key == "method" then
      wrk.method = value
    elseif key == "body" then
      wrk.body = value
    elseif key == "header" then
      local name, header_value = string.match(value, "^([^:]+):%s*(.*)$")
      if not name then
        error("bench/wrk_report.lua: header=Name:Value expected, got " .. args[i])
      end
      wrk.headers[name] = header_value
    else
      error("bench/wrk_report.lua: unknown argument " .. args[i])
    end
  end
  if checked then
    -- Defined only when asked: wrk copies headers and bodies into Lua only for a script
    -- that has a response function (it checks after init).
    response = function(status, headers, body)
      if status < 200 or status > 299 then
        non2xx = non2xx + 1
        if first_bad_status == 0 then
          first_bad_status = status
        end
      elseif expect and not string.find(body, expect, 1, true) then
        unexpected = unexpected + 1
      end
    end
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local bad, wrong, first, checked_all = 0, 0, 0, #threads > 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
    wrong = wrong + (thread:get("unexpected") or 0)
    if first == 0 then
      first = thread:get("first_bad_status") or 0
    end
    checked_all = checked_all and thread:get("checked") == true
  end
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, '
      .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, '
      .. '"status_errors": %d, "timeouts": %d, '
      .. '"checked": %s, "non2xx": %d, "unexpected_body": %d, "first_bad_status": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout,
    tostring(checked_all), bad, wrong, first))
end
