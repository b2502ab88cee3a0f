// The typed API the page sees. The UI imports only these types; the worker implements them.
export interface Batch {
  /** Bytes written to the console since the last batch (UTF-8 in a binary string). */
  tty: string;
}

export type BatchListener = (batch: Batch) => void;

export interface MachineApi {
  boot(): Promise<void>;
  input(data: string): Promise<void>;
  /** Batches arrive at most once per frame (~16 ms), never one message per event. */
  subscribe(listener: BatchListener): Promise<void>;
  ping(n: number): Promise<number>;
}
