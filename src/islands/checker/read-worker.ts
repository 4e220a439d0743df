// The import's file reader, off the page's main thread: one file per message, progress as it
// reads, the outcome at the end. The page stops the worker to cancel (ImportPanel.tsx).
import { readChosenFile, type FileOutcome, type FileReadOptions } from './file-reading.ts';

export interface ReadRequest {
  file: File;
  options: FileReadOptions;
}

export type ReadReply = { type: 'progress'; read: number } | { type: 'done'; outcome: FileOutcome };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage(reply: ReadReply): void };

scope.onmessage = (e) => {
  const { file, options } = e.data;
  void readChosenFile(file, options, (read) => scope.postMessage({ type: 'progress', read })).then((outcome) => scope.postMessage({ type: 'done', outcome }));
};
