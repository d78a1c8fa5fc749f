-- wrk script: cycle through the requests of a file, one per line:
-- METHOD<TAB>PATH<TAB>BODY, then optionally <TAB>Name: value for each extra header.
local requests = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    local fields = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      fields[#fields + 1] = field
    end
    local method, path, body = fields[1], fields[2], fields[3]
    local headers = {}
    for index = 4, #fields do
      local name, value = fields[index]:match("^([^:]+):%s*(.*)$")
      if name then
        headers[name] = value
      end
    end
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
