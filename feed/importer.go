package feed

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"byline/data"
	"byline/feed/quote"
)

// ImportStats counts what an import did.
type ImportStats struct {
	Files     int // files read
	New       int // articles stored
	Duplicate int // articles already in the store
	Failed    int // files or lines that gave no article
	Warnings  int // articles stored with a warning (e.g. read as Windows-1252)
}

// ImportProgress is reported after each stored batch.
type ImportProgress struct {
	FilesDone, FilesTotal int
	Stats                 ImportStats
}

// Importer reads article files, extracts their quotes and stores them.
// Each batch of articles goes into the store in one transaction with its
// quotes, so an import killed at any point leaves a consistent store and a
// re-run stores what is missing.
type Importer struct {
	Store *data.Store
	// Problem is called for every problem met, in file order (errors and
	// warnings); nil ignores them.
	Problem func(Problem)
	// Progress is called after each stored batch; nil ignores it.
	Progress func(ImportProgress)
	// BatchSize is the number of articles stored per transaction (default 512).
	BatchSize int
	// Inserted is called with the key of each article stored new (not one
	// the store already held); nil ignores it.
	Inserted func(key string)

	// extract finds an article's quotes; nil means quote.Extract. Benchmarks
	// switch it off to measure the rest of the path alone.
	extract func(text string) []data.Quote
}

// parsed is one file's articles, or its problems.
type parsed struct {
	articles []data.Article
	problems []Problem
}

// prepare runs everything the store does not do on one parsed article: its
// quotes. Every way an article enters byline (files, the sample, feeds)
// takes this one path.
func (im *Importer) prepare(a *data.Article) {
	extract := im.extract
	if extract == nil {
		extract = quote.Extract
	}
	a.Quotes = extract(a.Body)
}

// ImportPaths imports the article files under paths (files or folders).
func (im *Importer) ImportPaths(ctx context.Context, paths []string) (ImportStats, error) {
	var files []string
	var stats ImportStats
	err := Files(paths, func(path string, err error) error {
		if err != nil {
			stats.Failed++
			im.report(Problem{File: path, Err: err})
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return stats, err
	}
	return im.run(ctx, len(files), stats, func(i int, emit func(parsed) bool) {
		ReadFileChunks(files[i], chunkSize, func(a []data.Article, p []Problem) bool {
			return emit(parsed{a, p})
		})
	})
}

// chunkSize is how many articles of one file (JSON Lines) go down the
// import together: a big file is never held as articles whole.
const chunkSize = 256

// ImportBytes imports one file's bytes (the built-in sample, a test fixture).
func (im *Importer) ImportBytes(ctx context.Context, name string, raw []byte) (ImportStats, error) {
	return im.run(ctx, 1, ImportStats{}, func(_ int, emit func(parsed) bool) {
		ParseChunks(name, raw, chunkSize, func(a []data.Article, p []Problem) bool {
			return emit(parsed{a, p})
		})
	})
}

// ImportArticles stores articles made elsewhere (feed items): they go
// through the same preparation and store path as files.
func (im *Importer) ImportArticles(ctx context.Context, arts []data.Article) (ImportStats, error) {
	stats, err := im.run(ctx, 1, ImportStats{}, func(_ int, emit func(parsed) bool) {
		emit(parsed{articles: arts}) // in memory already; the batches split them
	})
	stats.Files = 0 // not files
	return stats, err
}

// batch is a transaction's worth of articles on its way to the store, with
// what the files it closes counted.
type batch struct {
	articles  []data.Article
	warned    []bool // the article's file had a warning
	filesDone int    // files fully read once this batch is stored
	failed    int    // files or lines that failed since the last batch
}

// run imports n sources in overlapping stages: files are parsed and taken
// in order; each batch of articles has its quotes extracted while the store
// writes the batch before. Only a few files, each read a chunk at a time,
// and a few batches are in flight at any time (one being built, one in
// each stage), so memory stays flat however many files there are and
// however big.
//
// The store's single writer is the slowest stage, so it gets a core of its
// own: parsing and extraction run on the others (on one core when there are
// two), and the first batches are small, so the writer starts early.
func (im *Importer) run(ctx context.Context, n int, stats ImportStats, parse func(i int, emit func(parsed) bool)) (ImportStats, error) {
	batchSize := im.BatchSize
	if batchSize <= 0 {
		batchSize = 512
	}
	workers := max(1, runtime.GOMAXPROCS(0)-1)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel() // stops every stage, then waits for them: none outlives run
		wg.Wait()
	}()

	// Stage 1: parse. Futures go out in file order, each a channel of the
	// file's chunks of articles, closed after the last; the buffers bound
	// how far parsing runs ahead of the rest.
	futures := make(chan chan parsed, 4*workers)
	slots := make(chan struct{}, workers)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(futures)
		for i := 0; i < n; i++ {
			f := make(chan parsed, 1)
			select {
			case futures <- f:
			case <-ctx.Done():
				return
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				defer func() { <-slots }()
				defer close(f)
				parse(i, func(p parsed) bool {
					select {
					case f <- p:
						return true
					case <-ctx.Done():
						return false
					}
				})
			}(i)
		}
	}()

	// Stage 2: collect articles in file order into batches, reporting
	// problems as they come.
	collected := make(chan batch, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(collected)
		var b batch
		size := min(batchSize, 64) // doubles up to batchSize
		send := func() bool {
			select {
			case collected <- b:
				b = batch{filesDone: b.filesDone}
				size = min(2*size, batchSize)
				return true
			case <-ctx.Done():
				return false
			}
		}
		for f := range futures {
			// The articles a warning is about: its file's one article, or
			// the article on its line (JSON Lines).
			warned := map[string]bool{}
			for {
				var p parsed
				var more bool
				select {
				case p, more = <-f:
				case <-ctx.Done():
					return
				}
				if !more {
					break
				}
				for _, pr := range p.problems {
					if pr.Warning {
						warned[problemOrigin(pr)] = true
					} else {
						b.failed++
					}
					im.report(pr)
				}
				for _, a := range p.articles {
					b.articles = append(b.articles, a)
					b.warned = append(b.warned, warned[a.Origin])
					if len(b.articles) >= size && !send() {
						return
					}
				}
			}
			b.filesDone++
		}
		send()
	}()

	// Stage 3: extract each batch's quotes.
	prepared := make(chan batch, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(prepared)
		for b := range collected {
			im.prepareBatch(ctx, b.articles, workers)
			select {
			case prepared <- b:
			case <-ctx.Done():
				return
			}
		}
	}()

	// Beside the writer, the log is copied to the database file as batches
	// are stored.
	stored := make(chan struct{}, 1)
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		for range stored {
			im.Store.CopyLog(ctx) // the closing Checkpoint reports errors
		}
	}()
	defer func() {
		if stored != nil {
			close(stored)
			<-copied
		}
	}()

	// Stage 4: store, one transaction a batch.
	for b := range prepared {
		stats.Failed += b.failed
		if len(b.articles) > 0 {
			status, err := im.Store.Insert(ctx, b.articles)
			if err != nil {
				return stats, fmt.Errorf("import: %w", err)
			}
			for i, st := range status {
				if st == data.Inserted && im.Inserted != nil {
					im.Inserted(b.articles[i].Key)
				}
				switch {
				case st == data.Duplicate:
					stats.Duplicate++
				case b.warned[i]:
					stats.New++
					stats.Warnings++
				default:
					stats.New++
				}
			}
		}
		select {
		case stored <- struct{}{}:
		default: // a copy is under way
		}
		stats.Files = b.filesDone
		if im.Progress != nil {
			im.Progress(ImportProgress{FilesDone: b.filesDone, FilesTotal: n, Stats: stats})
		}
	}
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	close(stored) // the last copy goes on beside the speakers' refresh
	if err := im.Store.RefreshSpeakers(ctx, quote.MergeSpeakers); err != nil {
		return stats, fmt.Errorf("import: %w", err)
	}
	<-copied
	stored = nil
	if err := im.Store.Checkpoint(ctx); err != nil {
		return stats, fmt.Errorf("import: %w", err)
	}
	return stats, nil
}

// problemOrigin is the Origin of the article a problem is about: the file,
// or the file and line for a line of JSON Lines.
func problemOrigin(p Problem) string {
	if p.Line > 0 {
		return p.File + ":" + strconv.Itoa(p.Line)
	}
	return p.File
}

// prepareBatch prepares the articles on the given workers. Articles the store
// already holds are left alone: Insert counts them as duplicates, and a
// re-run of an import costs little.
func (im *Importer) prepareBatch(ctx context.Context, arts []data.Article, workers int) {
	keys := make([]string, len(arts))
	for i, a := range arts {
		keys[i] = a.Key
	}
	stored, err := im.Store.Stored(ctx, keys)
	if err != nil {
		stored = nil // prepare them all; Insert reports a store that fails
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				im.prepare(&arts[i])
			}
		}()
	}
	for i := range arts {
		if !stored[arts[i].Key] {
			next <- i
		}
	}
	close(next)
	wg.Wait()
}

func (im *Importer) report(p Problem) {
	if im.Problem != nil {
		im.Problem(p)
	}
}
