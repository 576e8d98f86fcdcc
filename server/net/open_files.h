// The process's open-file limit: raised from the soft to the hard limit at
// start, since every connection costs a descriptor and the soft default
// (often 1,024) is far below what a server needs. Thread-safe.
#pragma once

namespace marginalia::server {

// Raises RLIMIT_NOFILE's soft limit to its hard limit where allowed and
// returns the soft limit now in force (unchanged when raising failed).
long RaiseOpenFileLimit();

// The current soft RLIMIT_NOFILE.
long OpenFileLimit();

}  // namespace marginalia::server
