package feed

import (
	"context"
	"fmt"
	"runtime"
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

	// extract finds an article's quotes; nil means quote.Extract. Benchmarks
	// switch it off to measure the rest of the path alone.
	extract func(text string) []data.Quote
}

// parsed is one file's articles, quotes extracted, or its problems.
type parsed struct {
	articles []data.Article
	problems []Problem
}

// prepare runs everything the store does not do on one parsed article: its
// quotes. Every way an article enters byline (files, the sample, feeds)
// takes this one path. An article the store already holds is marked as such
// and not prepared: a re-run of an import costs little.
func (im *Importer) prepare(ctx context.Context, a *data.Article) {
	if id, err := im.Store.Lookup(ctx, a.Key); err == nil && id != 0 {
		return // Insert will count it as a duplicate
	}
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
	return im.run(ctx, len(files), stats, func(i int) parsed {
		arts, probs := ReadFile(files[i])
		return im.prepareAll(ctx, arts, probs)
	})
}

// ImportBytes imports one file's bytes (the built-in sample, a test fixture).
func (im *Importer) ImportBytes(ctx context.Context, name string, raw []byte) (ImportStats, error) {
	return im.run(ctx, 1, ImportStats{}, func(int) parsed {
		arts, probs := Parse(name, raw)
		return im.prepareAll(ctx, arts, probs)
	})
}

// ImportArticles stores articles made elsewhere (feed items): they go
// through the same preparation and store path as files.
func (im *Importer) ImportArticles(ctx context.Context, arts []data.Article) (ImportStats, error) {
	return im.run(ctx, 1, ImportStats{}, func(int) parsed {
		return im.prepareAll(ctx, arts, nil)
	})
}

func (im *Importer) prepareAll(ctx context.Context, arts []data.Article, probs []Problem) parsed {
	for i := range arts {
		im.prepare(ctx, &arts[i])
	}
	return parsed{arts, probs}
}

// run parses n files on all cores, in order, while the store writes the
// previous batch: parsing and extraction overlap with SQLite.
func (im *Importer) run(ctx context.Context, n int, stats ImportStats, parse func(i int) parsed) (ImportStats, error) {
	batchSize := im.BatchSize
	if batchSize <= 0 {
		batchSize = 512
	}
	results := make([]chan parsed, n)
	for i := range results {
		results[i] = make(chan parsed, 1)
	}
	workCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] <- parse(i)
			}
		}()
	}
	go func() {
		defer close(next)
		// Stay at most a few batches ahead of the store: memory stays flat
		// however many files there are.
		for i := 0; i < n; i++ {
			select {
			case next <- i:
			case <-workCtx.Done():
				return
			}
		}
	}()
	defer wg.Wait()

	var batch []data.Article
	var warned []bool
	flush := func(done int) error {
		if len(batch) == 0 {
			return nil
		}
		status, err := im.Store.Insert(ctx, batch)
		if err != nil {
			return err
		}
		for i, st := range status {
			if st == data.Inserted {
				stats.New++
				if warned[i] {
					stats.Warnings++
				}
			} else {
				stats.Duplicate++
			}
		}
		batch, warned = batch[:0], warned[:0]
		if im.Progress != nil {
			im.Progress(ImportProgress{FilesDone: done, FilesTotal: n, Stats: stats})
		}
		return nil
	}
	for i := 0; i < n; i++ {
		var p parsed
		select {
		case p = <-results[i]:
		case <-ctx.Done():
			return stats, ctx.Err()
		}
		stats.Files++
		warning := false
		for _, pr := range p.problems {
			if pr.Warning {
				warning = true
			} else {
				stats.Failed++
			}
			im.report(pr)
		}
		for _, a := range p.articles {
			batch = append(batch, a)
			warned = append(warned, warning)
		}
		if len(batch) >= batchSize {
			if err := flush(i + 1); err != nil {
				return stats, fmt.Errorf("import: %w", err)
			}
		}
	}
	if err := flush(n); err != nil {
		return stats, fmt.Errorf("import: %w", err)
	}
	if err := im.Store.RefreshSpeakers(ctx, quote.MergeSpeakers); err != nil {
		return stats, fmt.Errorf("import: %w", err)
	}
	if err := im.Store.Checkpoint(ctx); err != nil {
		return stats, fmt.Errorf("import: %w", err)
	}
	return stats, nil
}

func (im *Importer) report(p Problem) {
	if im.Problem != nil {
		im.Problem(p)
	}
}
