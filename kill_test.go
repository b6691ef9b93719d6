package main

import (
	"context"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"byline/data"
)

// waitForPartialImport SIGKILLs cmd as soon as the store holds some
// articles, and reports whether it killed it before it finished.
func waitForPartialImport(t *testing.T, store string, cmd *exec.Cmd) bool {
	t.Helper()
	done := make(chan struct{})
	go func() { cmd.Process.Wait(); close(done) }()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return false
		default:
		}
		if s, err := data.Open(store); err == nil {
			c, err := s.Counts(context.Background())
			s.Close()
			if err == nil && c.Articles > 0 {
				cmd.Process.Signal(syscall.SIGKILL)
				return true
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the import stored nothing in 2 minutes")
	return false
}

func assertStoreWhole(t *testing.T, path string, want int) {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatalf("the store does not open after the kill: %v", err)
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != want {
		t.Fatalf("store counts %d articles, want %d", c.Articles, want)
	}
	if err := s.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
}
