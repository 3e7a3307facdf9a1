#pragma once
/// The HTTP/1.1 server: Boost.Beast, asynchronous, keep-alive, run by a pool of threads.
/// It knows nothing of routes or users: each request goes to a Dispatcher. On SIGTERM or
/// SIGINT it stops accepting, lets in-flight requests finish, closes idle connections and
/// returns from run().

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/error.hpp"
#include "http/message.hpp"

namespace thidua::http {

/// How to read a request's body, decided from its request line before the body is read.
struct BodyPlan {
  std::size_t limit = 0;       ///< largest body accepted (413 above it)
  bool stream_upload = false;  ///< feed it to an UploadReceiver instead of keeping it in memory
  /// The route answers only signed-in users: a streamed body that comes with no credentials
  /// at all (no session cookie, no bearer token) is read and dropped, never written to disk.
  bool sign_in_required = false;
};

class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  /// Largest body accepted for this request line (decided before the body is read).
  virtual std::size_t body_limit(std::string_view method, std::string_view path) const = 0;
  virtual BodyPlan body_plan(std::string_view method, std::string_view path) const {
    return {body_limit(method, path), false};
  }
  /// Must not throw.
  virtual Response handle(Request& request) = 0;
  /// The response for a request that could not be read (400, 413, 431).
  virtual Response reject(unsigned status, const Request& partial) = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 4;
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds shutdown_grace{15};
  bool handle_signals = true;
  /// Where streamed uploads are written while a request runs (empty: the system's temp dir).
  std::filesystem::path upload_dir;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> create(ServerOptions options, std::shared_ptr<Dispatcher> dispatcher);
  ~Server();
  unsigned short port() const;
  /// Serves until stop() or a signal; returns after in-flight requests have finished.
  void run();
  /// Starts a graceful stop (thread-safe).
  void stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thidua::http
