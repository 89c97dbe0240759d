/**
 * A binary min-heap of numbers in a typed array that grows by doubling: the queue's waiting
 * requests, each a key priority·2³² + arrival rank, so the least key is the highest priority,
 * first come first served; pushes and pops allocate nothing once grown.
 */
export interface KeyHeap {
  keys: Float64Array;
  size: number;
}

/** An empty heap. */
export function createKeyHeap(capacity = 64): KeyHeap {
  return { keys: new Float64Array(capacity), size: 0 };
}

/** Adds a key. */
export function heapPush(heap: KeyHeap, key: number): void {
  if (heap.size === heap.keys.length) {
    const grown = new Float64Array(heap.keys.length * 2);
    grown.set(heap.keys);
    heap.keys = grown;
  }
  const keys = heap.keys;
  let i = heap.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (keys[parent] <= key) break;
    keys[i] = keys[parent];
    i = parent;
  }
  keys[i] = key;
}

/** Removes and returns the least key; the heap must not be empty. */
export function heapPop(heap: KeyHeap): number {
  const keys = heap.keys;
  const top = keys[0];
  const last = keys[--heap.size];
  const n = heap.size;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && keys[child + 1] < keys[child]) child++;
    if (keys[child] >= last) break;
    keys[i] = keys[child];
    i = child;
  }
  if (n > 0) keys[i] = last;
  return top;
}
