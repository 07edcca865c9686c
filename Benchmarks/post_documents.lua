-- wrk script: POST a seed-sized article as a new document on every request (a fresh id each time, so every post
-- is extracted and stored, never answered as "unchanged").
-- Usage: wrk -t2 -c8 -d20s -s Benchmarks/post_documents.lua http://127.0.0.1:8080 -- seeds/000_599e8c3879d503ac.txt
local body
local counter = 0
-- A run's own prefix: ids from an earlier run on the same store would be answered "unchanged" without a write.
local run = tostring(os.time())

local threads = {}
thread_id = 0  -- set per thread by setup() (a global: wrk sets it in each thread's own Lua state)

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(args[1], "rb"))
  body = f:read("*a")
  f:close()
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/documents?id=wrk-" .. run .. "-" .. thread_id .. "-" .. counter,
    { ["Content-Type"] = "text/plain" }, body)
end
