import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A diagnostic the editor shows: the file, its 1-based line, and the message. */
export interface EditorDiagnostic {
  file: string;
  line: number;
  message: string;
}

/**
 * Opens files in yaml-language-server (the YAML engine of VS Code's YAML
 * extension) as an editor does, over stdio with the Language Server
 * Protocol, and returns the diagnostics it publishes for them. Each file
 * names its schema with a `# yaml-language-server: $schema=…` line.
 */
export async function editorDiagnostics(root: string, files: readonly string[]): Promise<EditorDiagnostic[]> {
  const server = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const published = new Map<string, { line: number; message: string }[]>();
  let lastMessage = Date.now();
  let buffer = Buffer.alloc(0);
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const send = (message: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const request = (method: string, params: unknown) =>
    new Promise<unknown>((resolve) => {
      id += 1;
      pending.set(id, resolve);
      send({ id, method, params });
    });
  const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } } };
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as { id?: number; method?: string; params?: unknown; result?: unknown };
      buffer = buffer.subarray(end + 4 + length);
      lastMessage = Date.now();
      if (message.method === 'textDocument/publishDiagnostics') {
        const { uri, diagnostics } = message.params as { uri: string; diagnostics: { range: { start: { line: number } }; message: string }[] };
        published.set(uri, diagnostics.map((d) => ({ line: d.range.start.line + 1, message: d.message })));
      } else if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: { section?: string }[] }).items;
        send({ id: message.id, result: items.map((item) => (item.section === 'yaml' ? settings.yaml : item.section ? null : settings)) });
      } else if (message.method !== undefined && message.id !== undefined) {
        send({ id: message.id, result: null });
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message.result);
      }
    }
  });
  try {
    const rootUri = pathToFileURL(root).href;
    await request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'report' }], capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } } });
    send({ method: 'initialized', params: {} });
    send({ method: 'workspace/didChangeConfiguration', params: { settings } });
    const uris: string[] = [];
    for (const file of files) {
      const uri = pathToFileURL(path.join(root, file)).href;
      uris.push(uri);
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: await readFile(path.join(root, file), 'utf8') } } });
    }
    // Wait until every file has its diagnostics and the server has been quiet for a while.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (uris.some((u) => !published.has(u)) || Date.now() - lastMessage < 1500)) await new Promise((r) => setTimeout(r, 100));
    return files.flatMap((file, i) => (published.get(uris[i] as string) ?? [{ line: 0, message: 'no diagnostics were published' }]).map((d) => ({ file, ...d })));
  } finally {
    child.kill();
  }
}
