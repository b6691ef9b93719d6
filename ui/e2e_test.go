package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestEndToEnd builds byline, imports the fixture articles with
// `byline import`, subscribes to 20 loopback feeds (one slow) with
// `byline feeds add`, and drives the reader in a 160x45 tmux session, r
// included: the list keeps moving while the status line shows the fetch.
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
	const feeds, slow = 20, 11
	srv := newFeedServer(t, feeds, slow)
	for i := range feeds {
		add := exec.Command(bin, "feeds", "add", fmt.Sprintf("%s/feed/%d", srv.URL, i), "--no-fulltext", "--store", db)
		if out, err := add.CombinedOutput(); err != nil {
			t.Fatalf("byline feeds add: %v\n%s", err, out)
		}
	}

	// A tmux server of the test's own (-L): nobody else's sessions are
	// touched, and nobody else's can touch this one.
	session := "byline-e2e"
	socket := "byline-e2e-" + filepath.Base(dir)
	tmuxCmd := func(args ...string) *exec.Cmd {
		return exec.Command(tmux, append([]string{"-L", socket}, args...)...)
	}
	start := tmuxCmd("new-session", "-d", "-s", session, "-x", "160", "-y", "45",
		"env", "TERM=xterm-256color", "NO_COLOR=1", bin, "--store", db)
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { tmuxCmd("kill-server").Run() })

	send := func(keys ...string) {
		t.Helper()
		args := append([]string{"send-keys", "-t", session}, keys...)
		if out, err := tmuxCmd(args...).CombinedOutput(); err != nil {
			t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
		}
	}
	capture := func() string {
		out, _ := tmuxCmd("capture-pane", "-p", "-t", session).Output()
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
	waitFor("> Jeffrey Feltman", "We are ready to help")
	send("Enter")
	waitFor("# Envoy meets Syrian", "┃ ")
	// Keys sent together arrive as one burst of runes: wait between them.
	send("1")
	waitFor("┃ Articles · All articles")
	send("/")
	waitFor("/ search titles")
	send("-l", "snow")
	waitFor("Storm closes schools", "/ snow")
	send("Enter") // opens the hit
	waitFor("# Storm closes schools")
	send("Escape") // alone: escape then q together read as alt+q
	// The list shows its search beside the open article too: wait for the
	// list to have the focus back, or the next escape may come with this
	// one and read as alt+escape.
	waitFor("┃ Articles · All articles", "“snow”: 1 hit")
	send("Escape")
	waitFor("Markets rally")

	// selected is the list's selected row (the list's side of the line).
	selected := func(screen string) string {
		for _, l := range strings.Split(screen, "\n") {
			if strings.HasPrefix(l, "┃ > ") {
				return strings.SplitN(l, "┃", 3)[1]
			}
		}
		return ""
	}
	// Keys in one burst are each a key press: "jj" moves two rows.
	send("g")
	send("j", "j")
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(selected(capture()), "Storm closes"); {
		if time.Now().After(deadline) {
			t.Fatalf("after \"jj\" in one burst the selection is not on the third article:\n%s", capture())
		}
		time.Sleep(20 * time.Millisecond)
	}

	// r fetches in the background; the slow feed holds it open while the
	// list keeps answering j.
	send("g")
	send("r")
	screen := waitFor("fetching 19/20 feeds · 38 new", "Feed 00 story 0")
	before := selected(screen)
	send("j")
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen = capture()
		if s := selected(screen); s != "" && s != before {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("j did not move the list during the fetch:\n%s", screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(screen, "fetching 19/20 feeds") {
		t.Fatalf("the fetch ended before the slow feed was released:\n%s", screen)
	}
	srv.release()
	waitFor("fetched 20 feeds · 40 new", "43 articles")
	send("4")
	waitFor("Feeds · 20 subscriptions", "Loopback 00", "2 unread · 2 articles")
	send("q")
	deadline = time.Now().Add(10 * time.Second)
	for tmuxCmd("has-session", "-t", session).Run() == nil {
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit:\n%s", capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = os.Remove(db)
}
