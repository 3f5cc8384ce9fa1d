package org.latentexplorer.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.UserInputException;

/**
 * Checks, before any Spark context exists, that a standalone master ({@code spark://HOST:PORT[,HOST:PORT…]}) accepts
 * TCP connections. Spark itself would retry registering for a minute and then leave submitted jobs waiting; this
 * turns an unreachable master into one clear error before anything starts. Other masters (local, yarn, k8s) are not
 * checked here.
 */
final class MasterCheck {
    private MasterCheck() {
    }

    /**
     * Returns normally if {@code master} is not a standalone URL or at least one of its masters accepts a connection
     * within {@code timeout}.
     *
     * @throws UserInputException naming the master and why each address failed
     */
    static void requireReachable(String master, Duration timeout) {
        if (master == null || !master.startsWith("spark://")) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UserInputException("the Spark master URL " + master + " has a bad port in '" + address + "'");
            }
            String host = colon < 0 ? address : address.substring(0, colon);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(address + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new UserInputException("cannot reach the Spark master " + master + " (" + String.join("; ", failures)
                + "); is it running, and is the URL right? No job was started");
    }
}
