package io.configdrift.agent.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback "collector" that fails in one particular way, for as long as the test keeps it open.
 * Every socket and thread it made is closed by {@link #close()}.
 */
final class MisbehavingCollector implements AutoCloseable {
  /** The ways a collector can let an agent down. */
  enum Failure {
    /** Nothing listens on the port: connections are refused. */
    DOWN,
    /** Accepts connections and reads the request, but never answers. */
    SILENT,
    /** Answers 200 with a body that trickles in one byte every 300 ms, never ending. */
    SLOW,
    /** Answers 500 with a body. */
    ERROR_500,
    /** Answers random bytes that are not HTTP, then closes. */
    GARBAGE,
    /** Closes every connection as soon as it is accepted. */
    RESET,
    /** Listens but never accepts, with its accept queue full: new connections hang in the handshake. */
    OVERLOADED
  }

  private final Failure failure;
  private final ServerSocket server;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  private MisbehavingCollector(Failure failure) throws IOException {
    this.failure = failure;
    this.server = new ServerSocket(0, failure == Failure.OVERLOADED ? 1 : 50, InetAddress.getLoopbackAddress());
    this.port = server.getLocalPort();
    if (failure == Failure.DOWN) {
      server.close();
    } else if (failure == Failure.OVERLOADED) {
      fillAcceptQueue();
    } else {
      startThread(this::acceptLoop);
    }
  }

  static MisbehavingCollector start(Failure failure) throws IOException {
    return new MisbehavingCollector(failure);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Connections the kernel completes for a socket nobody accepts on, until its queue is full. */
  private void fillAcceptQueue() throws IOException {
    for (int i = 0; i < 4; i++) {
      Socket filler = new Socket();
      sockets.add(filler);
      try {
        filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
      } catch (IOException queueFull) {
        return;
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        startThread(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try {
      if (failure == Failure.RESET) {
        socket.setSoLinger(true, 0);
        socket.close();
        return;
      }
      readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      switch (failure) {
        case SILENT:
          while (!closed) {
            Thread.sleep(100);
          }
          break;
        case SLOW:
          out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          while (!closed) {
            out.write('{');
            out.flush();
            Thread.sleep(300);
          }
          break;
        case ERROR_500:
          out.write("HTTP/1.1 500 Server Error\r\nContent-Type: application/json\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"error\":\"no\"}\n"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          break;
        case GARBAGE:
          byte[] noise = new byte[4096];
          new Random(socket.getPort()).nextBytes(noise);
          out.write(noise);
          out.flush();
          break;
        default:
          break;
      }
      socket.close();
    } catch (IOException | InterruptedException e) {
      // The agent gave up on the connection, or the test is over.
    }
  }

  /** Reads up to the blank line that ends the request head; the body does not matter here. */
  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b; matched < 4 && (b = in.read()) >= 0; ) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private void startThread(Runnable work) {
    Thread thread = new Thread(work, "misbehaving-collector-" + failure);
    thread.setDaemon(true);
    synchronized (threads) {
      threads.add(thread);
    }
    thread.start();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    closed = true;
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    List<Thread> started;
    synchronized (threads) {
      started = new ArrayList<>(threads);
    }
    for (Thread thread : started) {
      thread.join(5_000);
    }
  }
}
