// Keeps the listener alive when descriptors run out. gRPC 1.51 (Debian 12)
// stops accepting for good the first time accept4() fails with EMFILE or
// ENFILE, so a flood of idle connections wedges the server even after they
// close. This file interposes accept4() for the whole process: a connection
// that would take a descriptor at or above the ceiling, or arrives when
// none is left, is accepted and closed at once (the peer sees a reset), and
// the listener carries on. Process-wide; thread-safe.
#pragma once

#include <cstdint>

namespace marginalia::server {

// Starts guarding every later accept4(): connections whose descriptor would
// be `ceiling` or more are shed, which keeps the descriptors above it for
// the database, logs and certificates. Also reserves one spare descriptor,
// used to accept-and-close when none is left. Calling again moves the
// ceiling. A ceiling of 0 or less turns the guard off.
void GuardAccepts(int ceiling);

// Connections shed since the process started.
std::uint64_t ShedConnections();

}  // namespace marginalia::server
