/**
 * Reads one secret line from stdin. On a terminal the input is not echoed (raw mode, with
 * backspace support; Ctrl+C cancels); from a pipe the first line is taken.
 */
import { createInterface } from 'node:readline'

export class InputCancelled extends Error {
  override readonly name = 'InputCancelled'
}

export function readSecretLine(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  if (input.isTTY) return readHidden(prompt, input, output)
  return new Promise<string>((resolve) => {
    const rl = createInterface({ input, terminal: false })
    let done = false
    const finish = (line: string): void => {
      if (done) return
      done = true
      rl.close()
      input.pause()
      resolve(line)
    }
    rl.once('line', finish)
    rl.once('close', () => finish(''))
  })
}

function readHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    output.write(prompt)
    let value = ''
    const wasRaw = input.isRaw
    input.setRawMode(true)
    input.setEncoding('utf8')
    const cleanup = (): void => {
      input.off('data', onData)
      input.setRawMode(wasRaw)
      input.pause()
      output.write('\n')
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          cleanup()
          resolve(value)
          return
        }
        if (ch === '\u0003') {
          cleanup()
          reject(new InputCancelled('Cancelled.'))
          return
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else if (ch >= ' ') value += ch
      }
    }
    input.on('data', onData)
    input.resume()
  })
}
