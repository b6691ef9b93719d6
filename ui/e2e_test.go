package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestEndToEnd builds byline, imports the fixture articles with
// `byline import`, and drives the reader in a 160x45 tmux session.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed")
	}
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(here))
	dir := t.TempDir()
	bin := filepath.Join(dir, "byline")
	build := exec.Command("go", "build", "-o", bin, "byline")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Skipf("byline does not build yet: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "byline.db")
	imp := exec.Command(bin, "import", filepath.Join(root, "ui", "testdata", "e2e"), "--store", db)
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("byline import: %v\n%s", err, out)
	}

	session := "byline-e2e-" + filepath.Base(dir)
	start := exec.Command(tmux, "new-session", "-d", "-s", session, "-x", "160", "-y", "45",
		"env", "TERM=xterm-256color", "NO_COLOR=1", bin, "--store", db)
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command(tmux, "kill-session", "-t", session).Run() })

	send := func(keys ...string) {
		t.Helper()
		args := append([]string{"send-keys", "-t", session}, keys...)
		if out, err := exec.Command(tmux, args...).CombinedOutput(); err != nil {
			t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
		}
	}
	capture := func() string {
		out, _ := exec.Command(tmux, "capture-pane", "-p", "-t", session).Output()
		return string(out)
	}
	// waitFor polls the screen until it shows every one of want.
	waitFor := func(want ...string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			screen := capture()
			missing := ""
			for _, w := range want {
				if !strings.Contains(screen, w) {
					missing = w
					break
				}
			}
			if missing == "" {
				return screen
			}
			if time.Now().After(deadline) {
				t.Fatalf("screen never showed %q:\n%s", missing, screen)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	waitFor("Articles · All articles", "Envoy meets Syrian opposition in Istanbul", "Markets rally", "3 articles")
	send("Enter")
	waitFor("# Envoy meets Syrian opposition in Istanbul", "Jeffrey Feltman", "2 unread")
	send("n")
	waitFor("# Markets rally as rates hold")
	send("3")
	waitFor("Quotes · all speakers")
	send("/")
	waitFor("speaker:")
	send("-l", "feltman")
	waitFor("> Jeffrey Feltman")
	send("Enter")
	waitFor("Quotes · Jeffrey Feltman", "We are ready to help")
	send("Enter")
	waitFor("# Envoy meets Syrian", "┃ ")
	// Keys sent together arrive as one burst of runes: wait between them.
	send("1")
	waitFor("┃ Articles · All articles")
	send("/")
	waitFor("/ search titles")
	send("-l", "snow")
	send("Enter")
	waitFor("“snow”: 1 hit", "Storm closes schools")
	send("Escape") // alone: escape then q together read as alt+q
	waitFor("Markets rally")
	send("q")
	deadline := time.Now().Add(10 * time.Second)
	for exec.Command(tmux, "has-session", "-t", session).Run() == nil {
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit:\n%s", capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = os.Remove(db)
}
