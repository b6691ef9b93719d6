//go:build !unix

package feed

// syncDisk has no portable form off Unix; the benchmarks run without it.
func syncDisk() {}
