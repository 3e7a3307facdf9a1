#include "http/server.hpp"

#include "http/context.hpp"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/file_body.hpp>
#include <spdlog/spdlog.h>

namespace thidua::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

class Connection;

/// A request body: kept in memory (`text`), or, on stream_upload routes, handed to an
/// UploadReceiver piece by piece as Beast reads it, so only the read buffer is ever held.
struct RequestBody {
  struct value_type {
    std::string text;
    std::shared_ptr<UploadReceiver> upload;
  };

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(bhttp::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>& length, beast::error_code& ec) {
      ec = {};
      // The parser has checked the length against the route's limit already.
      if (length && !body_.upload) body_.text.reserve(static_cast<std::size_t>(*length));
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
      ec = {};
      std::size_t n = 0;
      for (auto b : beast::buffers_range_ref(buffers)) {
        std::string_view piece(static_cast<const char*>(b.data()), b.size());
        if (body_.upload) body_.upload->feed(piece);
        else body_.text.append(piece);
        n += piece.size();
      }
      return n;
    }

    void finish(beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

struct Server::Impl {
  ServerOptions options;
  std::shared_ptr<Dispatcher> dispatcher;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  /// Serialises shutdown steps (begin_stop, all_closed) so the grace timer is never missed.
  asio::strand<asio::io_context::executor_type> control{ioc.get_executor()};
  asio::steady_timer grace_timer{control};
  std::atomic<bool> stopping{false};
  std::atomic<int> active{0};
  std::mutex mu;
  std::set<std::weak_ptr<Connection>, std::owner_less<std::weak_ptr<Connection>>> connections;

  void accept();
  void begin_stop();
  /// The last connection has closed during shutdown: nothing keeps run() going.
  void all_closed() {
    asio::post(control, [this] { grace_timer.cancel(); });
  }
};

/// One client connection: read a request, dispatch, write the response, repeat.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    ++server_.active;
  }
  ~Connection() {
    if (--server_.active == 0 && server_.stopping) server_.all_closed();
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start() {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? std::string("unknown") : ep.address().to_string();
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  /// Called on shutdown: closes the connection if it is waiting for a request.
  void close_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  void read_header() {
    if (server_.stopping) return close();
    idle_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    // No limit while reading the header: Beast would check Content-Length against it before
    // we know the route. on_header applies the route's own limit.
    parser_->body_limit(boost::none);
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    idle_ = false;
    if (ec) return on_read_error(ec);
    const auto& h = parser_->get();
    std::string_view target(h.target().data(), h.target().size());
    std::string_view path = target.substr(0, target.find('?'));
    std::string_view method(h.method_string().data(), h.method_string().size());
    auto plan = server_.dispatcher->body_plan(method, path);
    std::size_t limit = plan.limit;
    if (auto length = parser_->content_length(); length && *length > limit) {
      return on_read_error(bhttp::error::body_limit);
    }
    parser_->body_limit(limit);  // chunked bodies are checked as they arrive
    if (plan.stream_upload) {
      auto type = h[bhttp::field::content_type];
      // Without any credentials the request will be sent to sign in: its files are not kept
      // (a receiver for no content type drops everything).
      bool anonymous = plan.sign_in_required && h[bhttp::field::authorization].empty() &&
                       h[bhttp::field::cookie].find(kSessionCookie) == beast::string_view::npos;
      parser_->get().body().upload = std::make_shared<UploadReceiver>(
          anonymous ? std::string_view() : std::string_view(type.data(), type.size()), server_.options.upload_dir);
    }
    // A client that asked to be told before sending its body (curl does for large uploads)
    // would otherwise wait a second for the answer it expects.
    if (beast::iequals(h[bhttp::field::expect], "100-continue") && !parser_->is_done()) {
      auto go_on = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, h.version());
      bhttp::async_write(stream_, *go_on, [self = shared_from_this(), go_on](beast::error_code e, std::size_t) {
        if (e) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_read(e); });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return close();
    }
    unsigned status = 400;
    if (ec == bhttp::error::body_limit) status = 413;
    if (ec == bhttp::error::header_limit) status = 431;
    spdlog::info("rejected request from {}: {} ({})", remote_, ec.message(), status);
    if (parser_) parser_->get().body().upload.reset();  // its temporary files go now
    Request partial;
    partial.remote_addr = remote_;
    if (parser_ && parser_->is_header_done()) {
      const auto& h = parser_->get();
      partial.method = std::string(h.method_string());
      partial.target = std::string(h.target());
      for (const auto& f : h) {
        if (f.name_string() == "Accept-Language" || f.name_string() == "Accept") {
          std::string name(f.name_string());
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          partial.headers.emplace_back(name, std::string(f.value()));
        }
      }
    }
    Response r = server_.dispatcher->reject(status, partial);
    r.close = true;
    write(std::move(r), 11);
  }

  void on_read(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    auto msg = parser_->release();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    auto q = req.target.find('?');
    req.path = req.target.substr(0, q);
    if (q != std::string::npos) req.query = req.target.substr(q + 1);
    req.headers.reserve(16);
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    req.body = std::move(msg.body().text);
    if (auto& upload = msg.body().upload) {
      req.upload = std::make_shared<const Result<UploadForm>>(upload->finish());
      upload.reset();
    }
    req.remote_addr = remote_;
    keep_alive_ = msg.keep_alive();
    unsigned version = msg.version();
    Response r = server_.dispatcher->handle(req);
    // Temporary upload files not adopted go now, before the client hears the answer.
    req.upload.reset();
    head_ = req.method == "HEAD";
    write(std::move(r), version);
  }

  void write(Response r, unsigned version) {
    if (!r.file.empty()) return write_file(std::move(r), version);
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(r.status), version);
    std::size_t length = r.body.size();
    if (!head_) res->body() = std::move(r.body);
    send(std::move(res), r, length);
  }

  /// A response whose body is a file, read from disk as it is sent.
  void write_file(Response r, unsigned version) {
    bhttp::file_body::value_type file;
    beast::error_code ec;
    file.open(r.file.c_str(), beast::file_mode::scan, ec);
    if (ec) {
      spdlog::error("cannot open {} to send it: {}", r.file.string(), ec.message());
      Response missing = Response::html("<!doctype html><title>404</title>", 404);
      missing.headers = std::move(r.headers);
      return write(std::move(missing), version);
    }
    auto length = static_cast<std::size_t>(file.size());
    if (head_) {
      send(std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(r.status), version), r,
           length);
      return;
    }
    auto res = std::make_shared<bhttp::response<bhttp::file_body>>(static_cast<bhttp::status>(r.status), version);
    res->body() = std::move(file);
    send(std::move(res), r, length);
  }

  template <class Message>
  void send(std::shared_ptr<Message> res, Response& r, std::size_t length) {
    res->set(bhttp::field::server, "thidua");
    res->set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res->insert(k, v);
    bool keep = keep_alive_ && !r.close && !server_.stopping;
    res->keep_alive(keep);
    res->content_length(length);
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res, keep](beast::error_code ec, std::size_t) {
      if (ec || !keep) return self->close();
      self->head_ = false;
      self->read_header();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;  // grows as needed; the parser's header and body limits bound it
  std::optional<bhttp::request_parser<RequestBody>> parser_;
  std::string remote_;
  bool keep_alive_ = true;
  bool head_ = false;
  bool idle_ = true;
};

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping) return;
      spdlog::warn("accept failed: {}", ec.message());
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      auto conn = std::make_shared<Connection>(std::move(socket), *this);
      {
        std::lock_guard lock(mu);
        if (connections.size() > 4096) {
          for (auto it = connections.begin(); it != connections.end();) {
            it = it->expired() ? connections.erase(it) : std::next(it);
          }
        }
        connections.insert(conn);
      }
      conn->start();
    }
    if (!stopping) accept();
  });
}

void Server::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  asio::post(control, [this] {
    spdlog::info("shutting down: finishing in-flight requests");
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::vector<std::shared_ptr<Connection>> live;
    {
      std::lock_guard lock(mu);
      for (auto& w : connections) {
        if (auto c = w.lock()) live.push_back(std::move(c));
      }
      connections.clear();
    }
    for (auto& c : live) c->close_if_idle();
    live.clear();
    // Requests still running after the grace period are cut off.
    if (active == 0) return;
    grace_timer.expires_after(options.shutdown_grace);
    grace_timer.async_wait([this](beast::error_code e) {
      if (!e) {
        spdlog::warn("shutdown grace period over; closing remaining connections");
        ioc.stop();
      }
    });
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(ServerOptions options, std::shared_ptr<Dispatcher> dispatcher) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->dispatcher = std::move(dispatcher);
  beast::error_code ec;
  auto address = asio::ip::make_address(impl->options.host, ec);
  if (ec) return fail(Error{ErrorKind::validation, "config.bad_listen", {{"value", impl->options.host}}, {}, ec.message()});
  tcp::endpoint ep{address, impl->options.port};
  impl->acceptor.open(ep.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(ep, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return fail(Error{ErrorKind::internal, "server.listen_failed",
                      {{"address", impl->options.host + ":" + std::to_string(impl->options.port)}}, {}, ec.message()});
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
  auto& s = *impl_;
  if (s.options.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([this](beast::error_code ec, int sig) {
      if (!ec) {
        spdlog::info("received signal {}", sig);
        impl_->begin_stop();
      }
    });
  }
  s.accept();
  std::vector<std::thread> threads;
  std::size_t n = s.options.threads == 0 ? 1 : s.options.threads;
  threads.reserve(n - 1);
  for (std::size_t i = 1; i < n; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
}

void Server::stop() { impl_->begin_stop(); }

}  // namespace thidua::http
