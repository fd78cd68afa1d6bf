import { describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { parseMerge } from './parse-merge.ts';
import { renderMerge } from './render-merge.ts';

describe('renderMerge', () => {
  const conflicted = merge({ base: 'a\nb\nc\n', mine: 'a\nM\nc\n', theirs: 'a\nT\nc\n' });

  it('renders a clean merge as its text', () => {
    const result = merge({ base: 'a\nb\nc\n', mine: 'A\nb\nc\n', theirs: 'a\nb\nC\n' });
    expect(renderMerge(result)).toBe('A\nb\nC\n');
  });

  it('marks a conflict with git-style markers and labels', () => {
    expect(renderMerge(conflicted, { labels: { mine: 'HEAD', theirs: 'feature' } })).toBe(
      'a\n<<<<<<< HEAD\nM\n=======\nT\n>>>>>>> feature\nc\n',
    );
  });

  it('shows the base between ||||||| and ======= in diff3 style', () => {
    expect(renderMerge(conflicted, { style: 'diff3' })).toBe(
      'a\n<<<<<<< mine\nM\n||||||| base\nb\n=======\nT\n>>>>>>> theirs\nc\n',
    );
  });

  it('writes bare markers for empty labels and longer markers on request', () => {
    expect(renderMerge(conflicted, { labels: { mine: '', theirs: '' }, markerSize: 9 })).toBe(
      'a\n<<<<<<<<<\nM\n=========\nT\n>>>>>>>>>\nc\n',
    );
  });

  it('keeps markers on their own lines when a side lacks a final newline, like git', () => {
    const result = merge({ base: 'a\nb', mine: 'a\nM', theirs: 'a\nT' });
    expect(renderMerge(result)).toBe('a\n<<<<<<< mine\nM\n=======\nT\n>>>>>>> theirs\n');
  });

  it('ends marker lines with CRLF in a CRLF document', () => {
    const result = merge({ base: 'a\r\nb\r\n', mine: 'a\r\nM\r\n', theirs: 'a\r\nT' });
    expect(renderMerge(result)).toBe(
      'a\r\n<<<<<<< mine\r\nM\r\n=======\r\nT\r\n>>>>>>> theirs\r\n',
    );
  });

  it("ends marker lines with LF when base's first line does not end in CRLF, as git does", () => {
    const result = merge({ base: '', mine: '\r\nM\r\n', theirs: '\r\nT\r\n' });
    expect(renderMerge(result)).toBe('\r\n<<<<<<< mine\nM\r\n=======\nT\r\n>>>>>>> theirs\n');
  });

  it('writes each conflict resolved to mine, theirs or both on request', () => {
    const noEol = merge({ base: 'a\nb', mine: 'a\nM', theirs: 'a\nT' });
    expect(renderMerge(noEol, { conflicts: 'mine' })).toBe('a\nM');
    expect(renderMerge(noEol, { conflicts: 'theirs' })).toBe('a\nT');
    // Like git --union: mine's last line is closed so it does not run into theirs.
    expect(renderMerge(noEol, { conflicts: 'union' })).toBe('a\nM\nT');
  });

  it("shows each conflict's whole base with conflictSize 'whole', as git merge-file --diff3", () => {
    const input = { base: 'a\nb\nc\n', mine: 'a\nX\nY\n', theirs: 'a\nX\nZ\n' };
    // Shrunk, the conflict shows the base line paired with Y and Z, in order: a guess.
    expect(renderMerge(merge(input), { style: 'diff3' })).toBe(
      'a\nX\n<<<<<<< mine\nY\n||||||| base\nc\n=======\nZ\n>>>>>>> theirs\n',
    );
    expect(renderMerge(merge(input, { conflictSize: 'whole' }), { style: 'diff3' })).toBe(
      'a\n<<<<<<< mine\nX\nY\n||||||| base\nb\nc\n=======\nX\nZ\n>>>>>>> theirs\n',
    );
  });
});

describe('parseMerge', () => {
  it('reads unchanged text and conflicts', () => {
    expect(parseMerge('a\n<<<<<<< HEAD\nM\n=======\nT\n>>>>>>> x\nc\n')).toEqual([
      { kind: 'unchanged', text: 'a\n' },
      { kind: 'conflict', base: '', mine: 'M\n', theirs: 'T\n' },
      { kind: 'unchanged', text: 'c\n' },
    ]);
  });

  it('reads the base section of diff3 style', () => {
    expect(parseMerge('<<<<<<<\nM\n||||||| b\nB\n=======\n>>>>>>>\n')).toEqual([
      { kind: 'conflict', base: 'B\n', mine: 'M\n', theirs: '' },
    ]);
  });

  it('reads CRLF markers without taking their line ends into the sides', () => {
    expect(parseMerge('<<<<<<< m\r\nM\r\n=======\r\nT\r\n>>>>>>> t\r\n')).toEqual([
      { kind: 'conflict', base: '', mine: 'M\r\n', theirs: 'T\r\n' },
    ]);
  });

  it('keeps an unclosed block as plain text', () => {
    const text = 'a\n<<<<<<< m\nM\n=======\nT\n';
    expect(parseMerge(text)).toEqual([{ kind: 'unchanged', text }]);
  });

  it('takes marker-like lines of other lengths as content', () => {
    const result = merge({
      base: 'Title\n=======\n',
      mine: 'Mine\n=======\n',
      theirs: 'Theirs\n=======\n',
    });
    expect(parseMerge(renderMerge(result, { markerSize: 8, style: 'diff3' }))).toEqual(
      result.regions,
    );
    expect(parseMerge('======== x\n>>>>>>>>\n')).toEqual([
      { kind: 'unchanged', text: '======== x\n>>>>>>>>\n' },
    ]);
  });
});
