-- wrk script: cycle through the requests of a file, one per line: METHOD<TAB>PATH<TAB>BODY.
local requests = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    local method, path, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    if method == "POST" then
      headers["Content-Type"] = "application/json"
    else
      body = nil
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
