-- Drives a language server from Neovim's built-in LSP client (Neovim 0.7+), headless:
--   MINUTES_NVIM_PARAMS='{...}' nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/client.lua'
-- MINUTES_NVIM_PARAMS (JSON):
--   cmd        the server command, e.g. ["node", "/abs/dist/server.js", "--stdio"]
--   root       the workspace folder (root_dir)
--   file       the Markdown file to open
--   waitCodes  diagnostic codes to wait for (at most timeoutMs)
--   completion optional { line, character, setLine }: replace that 0-based line by setLine
--              (as if typed), then ask for completion there, if the server announces it
--   timeoutMs  the bound of every wait
-- Writes one line "MINUTES_NVIM_RESULT <json>" to stdout, then quits (exit code 1 on a Lua error).

local params = vim.json.decode(os.getenv('MINUTES_NVIM_PARAMS'))
local timeout = params.timeoutMs or 10000
local result = {}

-- The result of the one client in a buf_request_sync answer (`err` since 0.8, `error` in 0.7).
local function answer(responses, method)
  assert(responses, method .. ': no answer within ' .. timeout .. ' ms')
  local _, response = next(responses)
  assert(response, method .. ': no client answered')
  local err = response.err or response.error
  assert(not err, method .. ': ' .. vim.inspect(err))
  return response.result
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(params.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- the languageId of didOpen (no filetype detection with -u NONE)

  local exited -- fail fast, not after the timeout, when the server dies
  local id = assert(vim.lsp.start_client({
    name = 'minutes', cmd = params.cmd, root_dir = params.root,
    on_exit = function(code, signal) exited = ('exit code %s, signal %s'):format(code, signal) end,
  }), 'start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(id)
  vim.wait(timeout, function() return client.initialized or exited end, 50)
  assert(client.initialized and not exited, 'the server did not initialize' .. (exited and ' (' .. exited .. ')' or ''))
  result.capabilities = client.server_capabilities

  local function codes()
    local seen = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do seen[d.code or ''] = true end
    return seen
  end
  vim.wait(timeout, function()
    local seen = codes()
    for _, code in ipairs(params.waitCodes or {}) do
      if not seen[code] then return false end
    end
    return true
  end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message,
    })
  end

  local doc = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  result.symbols = answer(vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', doc, timeout), 'documentSymbol')

  local at = params.completion
  if at and client.server_capabilities.completionProvider then
    if at.setLine then vim.api.nvim_buf_set_lines(bufnr, at.line, at.line + 1, false, { at.setLine }) end
    local request = vim.tbl_extend('force', doc, {
      position = { line = at.line, character = at.character },
      context = { triggerKind = 1 },
    })
    -- The request flushes the pending didChange first, so the server sees the edited line.
    result.completion = answer(vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', request, timeout), 'completion')
    result.completionLine = vim.api.nvim_buf_get_lines(bufnr, at.line, at.line + 1, false)[1]
  end
end

local ok, err = xpcall(run, debug.traceback)
if not ok then result.error = err end
io.stdout:write('MINUTES_NVIM_RESULT ', vim.json.encode(result), '\n')
io.stdout:flush()
vim.cmd(ok and 'qall!' or 'cquit')
