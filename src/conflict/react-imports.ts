'use client';
// What the dialog's modules import from React and its JSX runtime, in one place for the package
// build only: @concord/react's build makes every import of 'react' and 'react/jsx-runtime' in
// src/conflict an import of this module (scripts/define-package-config.ts, shareReactImports),
// so that esbuild, which keeps one import statement per module and external package, bundles one
// of each instead of 13 (221 bytes gzipped of the dialog). The sources, the app and the tests
// import React as usual. A name used in src/conflict but missing here fails the package build.
export {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
export { Fragment, jsx, jsxs } from 'react/jsx-runtime';
