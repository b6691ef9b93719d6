//go:build unix

package feed

import "syscall"

// syncDisk writes every dirty page to disk, so a benchmark run starts on a
// machine at rest (see benchStore).
func syncDisk() { syscall.Sync() }
