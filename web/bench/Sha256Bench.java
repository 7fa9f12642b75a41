import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * SHA-256 throughput under the JVM options it is started with: how fast an uploaded capture's
 * digest is computed by a server started with those options (web/bench/sha256-bench.sh runs it
 * under ./run's options and under others). Hashes 1 GB (or a file, in 1 MB reads as an upload is
 * read) with {@link MessageDigest}, one 64 MB slice at a time, and prints each slice's time, so the
 * moment the compiled code changes (the server compiler's SHA intrinsics) is visible.
 *
 * <pre>
 * java [options] web/bench/Sha256Bench.java [MB, default 1024 | a file]
 * </pre>
 */
public class Sha256Bench {

	private static final int SLICE = 64 << 20;

	public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		Path file = args.length > 0 && !args[0].matches("\\d+") ? Path.of(args[0]) : null;
		long total = file != null ? Files.size(file) : Long.parseLong(args.length > 0 ? args[0] : "1024") << 20;
		byte[] buffer = new byte[1 << 20];
		new Random(12).nextBytes(buffer);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long sliceStart = start;
		long sliceCpu = cpuStart;
		long sliceDone = 0;
		long done = 0;
		try (InputStream in = file != null ? Files.newInputStream(file) : null) {
			while (done < total) {
				int n = in != null ? in.read(buffer) : (int) Math.min(buffer.length, total - done);
				if (n < 0) {
					break;
				}
				sha.update(buffer, 0, n);
				done += n;
				if (done - sliceDone >= SLICE || done == total) {
					long now = System.nanoTime();
					long cpu = threads.getCurrentThreadCpuTime();
					System.out.printf("  %5d MB  wall %7.3f s  CPU %7.3f s  (this slice: %6.0f MB/s wall, %6.0f MB/s CPU)%n",
							done >> 20, (now - start) / 1e9, (cpu - cpuStart) / 1e9,
							(done - sliceDone) / 1048576.0 / ((now - sliceStart) / 1e9),
							(done - sliceDone) / 1048576.0 / ((cpu - sliceCpu) / 1e9));
					sliceStart = now;
					sliceCpu = cpu;
					sliceDone = done;
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		double gb = done / 1073741824.0;
		System.out.printf("SHA-256 of %d MB: wall %.2f s (%.2f s per GB), CPU of the hashing thread %.2f s (%.2f s per GB),"
				+ " load %s (%s)%n", done >> 20, seconds, seconds / gb, cpuSeconds, cpuSeconds / gb,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), HexFormat.of().formatHex(sha.digest()));
	}

}
