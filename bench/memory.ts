// Samples this process's resident memory so a benchmark can report its peak.
export function trackPeakRss(intervalMs = 25) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576),
    reset: () => {
      peak = process.memoryUsage().rss;
    },
    stop: () => clearInterval(timer),
  };
}
