/*
 * Prints a free TCP port on 127.0.0.1, chosen by the kernel (bind to port 0, read it back,
 * close). For servers such as nginx that cannot be told "port 0" and report back. There is a
 * small window in which another program could take the port; bench/run checks nginx started.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0) {
    perror("bind");
    return 1;
  }
  socklen_t len = sizeof a;
  getsockname(fd, (struct sockaddr *)&a, &len);
  printf("%d\n", ntohs(a.sin_port));
  close(fd);
  return 0;
}
