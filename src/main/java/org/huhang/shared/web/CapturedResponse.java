package org.huhang.shared.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response held back until its request's transaction has committed: the body is kept in memory, a
 * redirect or an error is noted, and nothing reaches the client before {@link #send()}. A client
 * told "saved" must find the record saved, and a commit that fails must be able to answer
 * otherwise. Headers go straight through (they leave only with the body) and are noted too, so that
 * a repeat of the request can be answered the same.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
  private final List<String[]> headers = new ArrayList<>();
  private ServletOutputStream stream;
  private PrintWriter writer;
  private int status = SC_OK;
  private String redirect;
  private Integer error;
  private String errorMessage;

  CapturedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    super.setStatus(sc);
  }

  @Override
  public int getStatus() {
    return error != null ? error : redirect != null ? SC_FOUND : status;
  }

  @Override
  public void sendRedirect(String location) {
    redirect = location;
  }

  @Override
  public void sendRedirect(String location, int sc, boolean clearBuffer) {
    redirect = location;
    status = sc;
  }

  @Override
  public void sendError(int sc) {
    error = sc;
  }

  @Override
  public void sendError(int sc, String msg) {
    error = sc;
    errorMessage = msg;
  }

  @Override
  public void setHeader(String name, String value) {
    note(name, value, true);
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    note(name, value, false);
    super.addHeader(name, value);
  }

  @Override
  public void setContentType(String type) {
    note("Content-Type", type, true);
    super.setContentType(type);
  }

  @Override
  public void setContentLength(int len) {
    // The length of the held body is set when it is sent.
  }

  @Override
  public void setContentLengthLong(long len) {}

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              body.write(b, off, len);
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void resetBuffer() {
    body.reset();
  }

  @Override
  public void reset() {
    body.reset();
    headers.clear();
    redirect = null;
    error = null;
    status = SC_OK;
    super.reset();
  }

  byte[] body() {
    flushBuffer();
    return body.toByteArray();
  }

  /** The headers the handler set (not cookies), one per line, as a repeat sends them. */
  String headerLines() {
    StringBuilder lines = new StringBuilder();
    for (String[] h : headers) {
      lines.append(h[0]).append(": ").append(h[1]).append('\n');
    }
    if (redirect != null) {
      lines.append("Location: ").append(redirect).append('\n');
    }
    return lines.toString();
  }

  private void note(String name, String value, boolean replace) {
    if (name == null || value == null || name.equalsIgnoreCase("Set-Cookie")) {
      return;
    }
    if (replace) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }
    if (name.equalsIgnoreCase("Content-Length")) {
      return;
    }
    headers.add(
        new String[] {
          name.toLowerCase(Locale.ROOT).equals("content-type") ? "Content-Type" : name, value
        });
  }

  /** Sends what the handler answered, now that its transaction is over. */
  void send() throws IOException {
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (error != null) {
      if (errorMessage != null) {
        response.sendError(error, errorMessage);
      } else {
        response.sendError(error);
      }
      return;
    }
    if (redirect != null) {
      response.sendRedirect(redirect);
      return;
    }
    byte[] bytes = body();
    if (bytes.length > 0) {
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  /** Forgets what the handler answered, so that another answer may be sent instead. */
  void discard() {
    body.reset();
    redirect = null;
    error = null;
    getResponse().reset();
  }
}
