/*
 * Reference echo server for the benchmarks: one thread, one epoll set, one 64 KiB buffer per
 * connection -- the same design as the lab's EchoLoop (read, write back, and if the write is
 * partial stop reading until the socket can take more; a read that fills the buffer is followed
 * by another, up to 4 per wake-up).
 *
 * Usage: echo_server            binds 127.0.0.1:0, prints the port on stdout, serves until
 *                                stdin closes (so it can never outlive bench/run).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define READS_PER_WAKEUP 4
#define BUF_SIZE (64 * 1024)
#define MAX_EVENTS 64

struct conn {
  int fd;
  size_t start, end; /* bytes [start, end) of buf still to be written back */
  char buf[BUF_SIZE];
};

static void die(const char *what) {
  perror(what);
  exit(1);
}

static void close_conn(int ep, struct conn *c) {
  epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  free(c);
}

/* Writes what is pending; returns -1 on error, 0 if all sent, 1 if the socket is full. */
static int flush(struct conn *c) {
  while (c->start < c->end) {
    ssize_t n = write(c->fd, c->buf + c->start, c->end - c->start);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return 1;
      if (errno == EINTR) continue;
      return -1;
    }
    c->start += (size_t)n;
  }
  c->start = c->end = 0;
  return 0;
}

static void handle(int ep, struct conn *c, unsigned events) {
  struct epoll_event ev = {0};
  ev.data.ptr = c;
  if (events & EPOLLOUT) {
    int r = flush(c);
    if (r < 0) { close_conn(ep, c); return; }
    if (r == 0) {
      ev.events = EPOLLIN;
      epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    }
    return;
  }
  if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
    /* A read that fills the buffer means more is waiting: read again at once, at most
     * READS_PER_WAKEUP times (EchoLoop does the same). */
    for (int i = 0; i < READS_PER_WAKEUP; i++) {
      ssize_t n = read(c->fd, c->buf, BUF_SIZE);
      if (n <= 0) {
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
        close_conn(ep, c);
        return;
      }
      c->start = 0;
      c->end = (size_t)n;
      int r = flush(c);
      if (r < 0) { close_conn(ep, c); return; }
      if (r == 1) {
        ev.events = EPOLLOUT;
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
        return;
      }
      if (n < BUF_SIZE) return;
    }
  }
}

int main(void) {
  /* A client that closes with unread data resets the connection; the next write must fail with
   * EPIPE and close that one connection, not kill the server with SIGPIPE (Java ignores it too). */
  signal(SIGPIPE, SIG_IGN);
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (lfd < 0) die("socket");
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0) die("bind");
  if (listen(lfd, 128) < 0) die("listen");
  socklen_t len = sizeof addr;
  getsockname(lfd, (struct sockaddr *)&addr, &len);
  printf("%d\n", ntohs(addr.sin_port));
  fflush(stdout);

  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  struct epoll_event ev = {0};
  ev.events = EPOLLIN;
  ev.data.ptr = NULL; /* NULL marks the listening socket */
  epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
  /* stdin is watched too, marked by the address of its own event struct */
  struct epoll_event stdin_ev = {.events = EPOLLIN};
  stdin_ev.data.ptr = (void *)&stdin_ev;
  epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &stdin_ev);

  struct epoll_event events[MAX_EVENTS];
  for (;;) {
    int n = epoll_wait(ep, events, MAX_EVENTS, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    for (int i = 0; i < n; i++) {
      void *p = events[i].data.ptr;
      if (p == (void *)&stdin_ev) {
        char b[64];
        if (read(STDIN_FILENO, b, sizeof b) <= 0) return 0; /* bench/run went away: stop */
        continue;
      }
      if (p == NULL) {
        for (;;) {
          int cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
          if (cfd < 0) break;
          int one = 1;
          setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          struct conn *c = malloc(sizeof *c);
          if (!c) { close(cfd); continue; }
          c->fd = cfd;
          c->start = c->end = 0;
          struct epoll_event cev = {.events = EPOLLIN, .data.ptr = c};
          epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &cev);
        }
        continue;
      }
      handle(ep, (struct conn *)p, events[i].events);
    }
  }
}
