#!/usr/bin/env bash
# Layers flow one way: rubrics/ (the engine) knows nothing of gRPC, SQLite,
# server/, client/ or eval/; server/ knows nothing of client/; eval/ (the
# evaluation) sits on the engine alone; within server/, the HTTP front
# (server/http) sits on top of the rest. Fails naming each
# include that points the wrong way.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
check() {
  local folder=$1 pattern=$2 why=$3
  local hits
  hits=$(grep -rnE "^#include [<\"]($pattern)" "$root/$folder" --include='*.h' --include='*.cc' || true)
  if [[ -n "$hits" ]]; then
    echo "$folder must not include $why:"
    echo "$hits"
    status=1
  fi
}
check rubrics 'grpc|grpcpp|sqlite3|server/|client/|.*\.grpc\.pb\.h' "gRPC, SQLite, server/ or client/"
check server 'client/' "client/"
# The HTTP front (server/http) sits on the services, reached through the
# in-process channel; only the binary's main.cc starts it.
for part in auth core net review services storage util; do
  check server/$part 'server/http/' "server/http/ (the HTTP front sits on top)"
done
check eval 'grpc|grpcpp|sqlite3|server/|client/|.*\.grpc\.pb\.h' "gRPC, SQLite, server/ or client/"
check rubrics 'eval/' "eval/ (the evaluation depends on the engine, not the reverse)"
check server 'eval/' "eval/"
check client 'eval/' "eval/"
check common 'grpc|grpcpp|sqlite3|server/|client/|rubrics/' "anything but Abseil"
[[ $status -eq 0 ]] && echo "layering ok"
exit $status
