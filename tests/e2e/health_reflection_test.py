#!/usr/bin/python3
"""Checks marginalia-server from an independent client (Debian's grpcio).

Starts the server on a free port with a temporary database, then:
  * grpc.health.v1.Health/Check answers SERVING;
  * server reflection (v1alpha) lists every Marginalia service.
Message classes are generated with the system protoc into a temporary
folder, since Debian ships no grpcio-health-checking or reflection modules.
They are loaded by file path: their package path (grpc/...) would clash with
the installed grpc package.
"""
import argparse
import importlib.util
import os
import signal
import subprocess
import tempfile

import grpc

EXPECTED_SERVICES = {
    "marginalia.v1.SubmissionService",
    "marginalia.v1.ScoringService",
    "marginalia.v1.RubricService",
    "marginalia.v1.ReviewService",
    "marginalia.v1.GradeService",
    "marginalia.v1.AdminService",
    "grpc.health.v1.Health",
}


def load_messages(out_dir, proto):
    root = "/usr/share/grpc-proto"
    subprocess.run(["protoc", f"--proto_path={root}",
                    f"--python_out={out_dir}", proto], check=True)
    path = os.path.join(out_dir, proto.replace(".proto", "_pb2.py"))
    name = os.path.basename(path)[:-3]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        health_pb2 = load_messages(tmp, "grpc/health/v1/health.proto")
        reflection_pb2 = load_messages(
            tmp, "grpc/reflection/v1alpha/reflection.proto")

        server = subprocess.Popen(
            [args.server, "--listen", "127.0.0.1:0", "--db",
             os.path.join(tmp, "m.db")],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            line = server.stdout.readline().strip()
            assert line.startswith("listening on "), f"server said {line!r}"
            address = line[len("listening on "):]
            channel = grpc.insecure_channel(address)

            check = channel.unary_unary(
                "/grpc.health.v1.Health/Check",
                request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                response_deserializer=health_pb2.HealthCheckResponse.FromString)
            reply = check(health_pb2.HealthCheckRequest(service=""), timeout=10)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING, reply
            print("health: SERVING")

            info = channel.stream_stream(
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
                response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)
            request = reflection_pb2.ServerReflectionRequest(list_services="")
            responses = list(info(iter([request]), timeout=10))
            listed = {s.name for s in
                      responses[0].list_services_response.service}
            missing = EXPECTED_SERVICES - listed
            assert not missing, f"reflection lacks {sorted(missing)}: {sorted(listed)}"
            print("reflection:", ", ".join(sorted(listed)))
            channel.close()
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=30)
        assert code == 0, f"server exited with {code} on SIGTERM"
    print("ok")


if __name__ == "__main__":
    main()
