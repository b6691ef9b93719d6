package feed

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b/2.txt":          "x",
		"b/10.TXT":         "x",
		"a.jsonl":          "x",
		"c.ndjson":         "x",
		"notes.md":         "x",
		"image.png":        "x",
		".git/HEAD.txt":    "x",
		".hidden.txt":      "x",
		"d/.cache/x.txt":   "x",
		"explicit.md":      "x",
		"d/e/deep.text":    "x",
		"d/e/deep.json":    "x",
		"d/e/README.TXT":   "x",
		"d/e/f/g/h/i.txt":  "x",
		"z/empty/.keep":    "",
		"z/also/nothing.x": "",
	})
	var got []string
	err := Files([]string{dir, filepath.Join(dir, "explicit.md"), filepath.Join(dir, "missing.txt")},
		func(path string, err error) error {
			rel, _ := filepath.Rel(dir, path)
			rel = filepath.ToSlash(rel)
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s: %v", rel, err)
				}
				rel += " (missing)"
			}
			got = append(got, rel)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	want := "a.jsonl b/10.TXT b/2.txt c.ndjson d/e/deep.text d/e/f/g/h/i.txt explicit.md missing.txt (missing)"
	// README.TXT is about its folder, not an article: skipped.
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestFilesStop(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"1.txt": "x", "2.txt": "x", "3.txt": "x"})
	stop := errors.New("stop")
	n := 0
	if err := Files([]string{dir}, func(string, error) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("err %v after %d files", err, n)
	}
	n = 0
	if err := Files([]string{dir, dir}, func(string, error) error { n++; return fs.SkipAll }); err != nil || n != 1 {
		t.Errorf("SkipAll: err %v after %d files", err, n)
	}
}

func TestFilesUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"locked/a.txt": "x", "ok.txt": "x"})
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	var errs, files int
	Files([]string{dir}, func(path string, err error) error {
		if err != nil {
			errs++
			if path != locked || !errors.Is(err, fs.ErrPermission) {
				t.Errorf("%s: %v", path, err)
			}
		} else {
			files++
		}
		return nil
	})
	if errs != 1 || files != 1 {
		t.Errorf("%d errors, %d files", errs, files)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Title\n\nBody.\n", "b.jsonl": `{"title":"x","body":"y"}` + "\n"})
	arts, probs := ReadFile(filepath.Join(dir, "a.txt"))
	if len(arts) != 1 || len(probs) != 0 || arts[0].Origin != filepath.Join(dir, "a.txt") {
		t.Errorf("a.txt: %v %v", arts, probs)
	}
	arts, probs = ReadFile(filepath.Join(dir, "b.jsonl"))
	if len(arts) != 1 || len(probs) != 0 || arts[0].Origin != filepath.Join(dir, "b.jsonl")+":1" {
		t.Errorf("b.jsonl: %v %v", arts, probs)
	}
	missing := filepath.Join(dir, "nope.txt")
	_, probs = ReadFile(missing)
	if len(probs) != 1 || !errors.Is(probs[0], fs.ErrNotExist) || probs[0].Error() != missing+": cannot open: no such file or directory" {
		t.Errorf("missing: %v", probs)
	}
	_, probs = ReadFile(dir)
	if len(probs) != 1 || probs[0].Error() != dir+": is a folder" {
		t.Errorf("dir: %v", probs)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 50<<20); err != nil {
		t.Fatal(err)
	}
	_, probs = ReadFile(big)
	if len(probs) != 1 || !errors.Is(probs[0], ErrTooLarge) {
		t.Errorf("big: %v", probs)
	}
}

// TestReadFileStreamsJSONLinesAsParseReadsThem: a JSON Lines file read from
// disk a line at a time gives what Parse gives for its bytes.
func TestReadFileStreamsJSONLinesAsParseReadsThem(t *testing.T) {
	dir := t.TempDir()
	for i, content := range []string{
		"{\"id\":\"1\",\"title\":\"One\",\"body\":\"a.\"}\n{\"id\":\"2\",\"title\":\"Two\",\"body\":\"b.\"}\n",
		"\ufeff{\"id\":\"1\",\"title\":\"BOM\",\"body\":\"a.\"}\r\n\r\n{\"title\":5}\r\n{\"id\":\"3\",\"title\":\"No newline\",\"body\":\"c.\"}",
		"\n  \n\n",
		"",
		"{\"title\":\"x\x00\"}\n",
		"[1,2]\nnull\n{\"id\":\"1\",\"title\":\"Caf\xe9\",\"body\":\"cp1252.\"}\n",
	} {
		path := filepath.Join(dir, fmt.Sprintf("%d.jsonl", i))
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		gotArts, gotProbs := ReadFile(path)
		wantArts, wantProbs := Parse(path, []byte(content))
		if fmt.Sprint(gotArts) != fmt.Sprint(wantArts) || fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
			t.Errorf("%q:\nread  %v %v\nparse %v %v", content, gotArts, gotProbs, wantArts, wantProbs)
		}
	}
}

// TestReadFileSkipsAnOverlongJSONLine: a line over MaxArticleBytes is
// reported with its number and not read; the lines after it are.
func TestReadFileSkipsAnOverlongJSONLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.jsonl")
	long := `{"title":"Long","body":"` + strings.Repeat("x", MaxArticleBytes) + `"}`
	content := `{"id":"1","title":"Before","body":"a."}` + "\n" + long + "\n" + `{"id":"3","title":"After","body":"c."}` + "\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, probs := ReadFile(path)
	if len(arts) != 2 || arts[0].Title != "Before" || arts[1].Title != "After" || arts[1].Origin != path+":3" {
		t.Errorf("articles = %v, want Before and After (line 3)", arts)
	}
	if len(probs) != 1 || probs[0].Line != 2 || !errors.Is(probs[0].Err, ErrTooLarge) {
		t.Errorf("problems = %v, want line 2 too large", probs)
	}
}

// TestFilesSkipsOnlyFilesAboutTheFolder: README or LICENSE is skipped by
// its whole name, not by how an article's name begins.
func TestFilesSkipsOnlyFilesAboutTheFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"LICENSE.txt": "x", "readme.txt": "x", "notice-to-quit.txt": "x", "readmes-story.txt": "x"})
	var got []string
	Files([]string{dir}, func(path string, err error) error {
		got = append(got, filepath.Base(path))
		return nil
	})
	if want := "notice-to-quit.txt readmes-story.txt"; strings.Join(got, " ") != want {
		t.Errorf("read %q, want %q", strings.Join(got, " "), want)
	}
}

// readAll reads to the end whatever size the file gave, and stops at max.
func TestReadAllReadsToTheEndOrMax(t *testing.T) {
	text := strings.Repeat("abcdefghij", 100) // 1,000 bytes
	for _, tc := range []struct {
		size, max int64
		want      int
	}{
		{1000, 2000, 1000}, // the size the file says
		{0, 2000, 1000},    // a pipe, or a file that grew since its stat
		{10, 2000, 1000},
		{5000, 2000, 1000}, // a file that shrank
		{1000, 1001, 1000}, // max one byte over the limit: the end seen
		{1000, 500, 500},   // over the limit: max bytes, no more
	} {
		got, err := readAll(iotest.OneByteReader(strings.NewReader(text)), tc.size, tc.max)
		if err != nil || len(got) != tc.want || string(got) != text[:tc.want] {
			t.Errorf("readAll(size %d, max %d) = %d bytes, %v; want %d", tc.size, tc.max, len(got), err, tc.want)
		}
	}
}
