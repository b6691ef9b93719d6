package feed

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"byline/data"
)

// articleExts are the extensions Files picks up inside folders.
var articleExts = map[string]bool{".txt": true, ".text": true, ".jsonl": true, ".ndjson": true}

// IsArticleFile reports whether Files reads a file of this name when it
// meets it inside a folder: .txt, .text, .jsonl or .ndjson, any case.
func IsArticleFile(name string) bool {
	return articleExts[strings.ToLower(filepath.Ext(name))]
}

// isProjectFile reports whether a file inside a folder is about the folder
// rather than an article (README.TXT beside the BBC corpus, LICENSE.txt):
// the whole name before its extension must be one of these words, so that
// an article called notice-to-quit.txt is still read.
func isProjectFile(name string) bool {
	switch strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name))) {
	case "README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE":
		return true
	}
	return false
}

// Files walks paths in the order given and calls fn for each article file.
// A path naming a file is always passed to fn, whatever its extension.
// A folder is walked recursively in lexical order, skipping hidden files and
// folders (name starting with "."), README, LICENSE and similar files, and
// files IsArticleFile rejects.
// A path that cannot be read, or a folder that cannot be listed, is passed
// to fn with the error, and the walk goes on. If fn returns an error the
// walk stops and Files returns it (fs.SkipAll stops it and returns nil).
func Files(paths []string, fn func(path string, err error) error) error {
	skipAll := false
	call := func(path string, err error) error {
		err = fn(path, err)
		if err == fs.SkipAll {
			skipAll = true
		}
		return err
	}
	for _, root := range paths {
		if skipAll {
			return nil
		}
		info, err := os.Stat(root)
		if err != nil {
			if err := call(root, err); err != nil {
				return stopErr(err)
			}
			continue
		}
		if !info.IsDir() {
			if err := call(root, nil); err != nil {
				return stopErr(err)
			}
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable folder (or root): report it, go on.
				return call(path, err)
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !IsArticleFile(d.Name()) || isProjectFile(d.Name()) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Follow links to files, not to folders (no loops).
				if fi, err := os.Stat(path); err == nil && fi.IsDir() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil // devices, pipes, sockets
			}
			return call(path, nil)
		})
		if err != nil {
			return stopErr(err)
		}
	}
	return nil
}

func stopErr(err error) error {
	if err == fs.SkipAll {
		return nil
	}
	return err
}

// ReadFile reads and parses one file. A file that cannot be opened or read,
// is not a regular file, or is a text file over MaxArticleBytes is reported
// as a Problem naming it; the file is not read whole then. A JSON Lines
// file is read a line at a time, whatever its size.
func ReadFile(path string) (arts []data.Article, probs []Problem) {
	ReadFileChunks(path, math.MaxInt, func(a []data.Article, p []Problem) bool {
		arts, probs = append(arts, a...), append(probs, p...)
		return true
	})
	return arts, probs
}

// ReadFileChunks is ReadFile handing the articles to emit at most chunk at
// a time, as ParseChunks does.
func ReadFileChunks(path string, chunk int, emit func([]data.Article, []Problem) bool) {
	fail := func(err error) {
		emit(nil, []Problem{{File: path, Err: err}})
	}
	f, err := os.Open(path)
	if err != nil {
		fail(unwrapPath(err))
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		fail(unwrapPath(err))
		return
	}
	if info.IsDir() {
		fail(fmt.Errorf("is a folder"))
		return
	}
	if !info.Mode().IsRegular() && info.Mode()&fs.ModeNamedPipe == 0 {
		fail(fmt.Errorf("not a regular file"))
		return
	}
	if IsJSONLines(path) {
		parseGuarded(path, emit, func(emit func([]data.Article, []Problem) bool) {
			readJSONLines(path, f, chunk, emit)
		})
		return
	}
	limit := int64(MaxArticleBytes)
	if info.Size() > limit {
		fail(fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, size64(info.Size()), size64(limit)))
		return
	}
	raw, err := readAll(f, info.Size(), limit+1)
	if err != nil {
		fail(unwrapPath(err))
		return
	}
	if int64(len(raw)) > limit {
		fail(fmt.Errorf("%w: over %s", ErrTooLarge, size64(limit)))
		return
	}
	ParseChunks(path, raw, chunk, emit)
}

// readAll reads r to its end, or to max bytes, into a buffer of the size
// the file says it has (plus one byte, to see the end): two reads for most
// files, the bytes and the end, where io.ReadAll, growing its buffer from
// 512 bytes, makes five or six.
func readAll(r io.Reader, size, max int64) ([]byte, error) {
	buf := make([]byte, 0, min(size+1, max))
	for int64(len(buf)) < max {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // a file that grew, or a pipe
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), max)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// unwrapPath drops the path from an *fs.PathError, since the Problem names
// the file already: "x.txt: permission denied", not "x.txt: open x.txt: ...".
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
	}
	return err
}

func size64(n int64) string {
	if n > int64(^uint(0)>>1) {
		return fmt.Sprintf("%d bytes", n)
	}
	return size(int(n))
}
