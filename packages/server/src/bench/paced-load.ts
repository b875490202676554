// Paced load: each virtual caseworker works through the day's steps in order, thinking between
// actions (exponentially distributed pause, mean `thinkMs`, starting at a random moment), so
// requests arrive the way they do from people at desks rather than in lock-step bursts. The
// latency of every request is kept and the percentiles are exact.
export type Step = { method: 'GET' | 'POST'; path: () => string; body?: () => string };

export type PacedResult = {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
};

export async function pacedLoad(options: {
  base: string;
  users: number;
  seconds: number;
  thinkMs: number;
  steps: readonly Step[];
  headers: Record<string, string>;
}): Promise<PacedResult> {
  const { base, users, seconds, thinkMs, steps, headers } = options;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Exponential think time, capped at five means so one long pause cannot idle a user for long.
  const think = () => Math.min(5 * thinkMs, -Math.log(1 - Math.random()) * thinkMs);

  async function caseworker() {
    await pause(Math.random() * thinkMs);
    for (let i = 0; performance.now() < end; i++) {
      const step = steps[i % steps.length] as Step;
      const sent = performance.now();
      try {
        const body = step.body?.();
        const response = await fetch(base + step.path(), {
          method: step.method,
          headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(body ? { body } : {}),
        });
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
      await pause(think());
    }
  }

  await Promise.all(Array.from({ length: users }, caseworker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    errors,
    throughput: Math.round(latencies.length / elapsed),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}
