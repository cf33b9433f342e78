import path from 'node:path';
import { TOOL_VERSION } from '../load/tool-package.js';
import { text } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';

/**
 * The problem matchers' patterns (as the README shows them): a diagnostic's
 * file, line, column, message and rule id, for an error and for a warning,
 * in either language.
 */
export const MATCHER_PATTERNS = {
  error: '^(.+?):(\\d+):(\\d+): (?:fel|error): (.*) \\[([a-z0-9-]+)\\]$',
  warning: '^(.+?):(\\d+):(\\d+): (?:varning|warning): (.*) \\[([a-z0-9-]+)\\]$',
} as const;

/** The Debian packages a CI job installs to check and build with the PDF. */
export const CI_PACKAGES = ['chromium-headless-shell', 'hunspell', 'hunspell-sv', 'fonts-dejavu-core'] as const;

/** A package name npm accepts, from a folder's name. */
function packageName(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'rapport';
}

/**
 * What makes a report root the agency's own repository: a package.json that
 * pins this version of the tool, a .gitignore for what the build and npm
 * write, and CI jobs for GitHub Actions and GitLab CI that check the report
 * (on GitHub with the problem matchers, so the diagnostics show at their
 * lines) and keep the built `dist/`.
 */
export function repositoryFiles(dir: string, lang: Lang): { path: string; content: string }[] {
  const packageJson = {
    name: packageName(dir),
    private: true,
    description: text(lang, 'init.package-description'),
    scripts: { check: 'redovisning check', build: 'redovisning build', dev: 'redovisning dev', doktor: 'redovisning doktor' },
    dependencies: { redovisning: TOOL_VERSION },
  };
  const matcher = {
    problemMatcher: (['error', 'warning'] as const).map((severity) => ({
      owner: `redovisning-${severity}`,
      severity,
      pattern: [{ regexp: MATCHER_PATTERNS[severity], file: 1, line: 2, column: 3, message: 4, code: 5 }],
    })),
  };
  const install = `apt-get update && apt-get install -y ${CI_PACKAGES.join(' ')}`;
  const github = `# ${text(lang, 'init.ci-github')}
name: redovisning
on:
  push:
  pull_request:
jobs:
  rapport:
    runs-on: ubuntu-latest
    # ${text(lang, 'init.ci-debian')}
    container: node:20-bookworm
    steps:
      - uses: actions/checkout@v4
      - run: ${install}
      - run: npm ci
      - run: npx redovisning doktor
      # ${text(lang, 'init.ci-matcher')}
      - run: |
          echo "::add-matcher::.github/redovisning.json"
          npx redovisning check
      - run: npx redovisning build
      - uses: actions/upload-artifact@v4
        with:
          name: dist
          path: dist/
`;
  const gitlab = `# ${text(lang, 'init.ci-gitlab')}
redovisning:
  # ${text(lang, 'init.ci-debian')}
  image: node:20-bookworm
  before_script:
    - ${install}
    - npm ci
    - npx redovisning doktor
  script:
    - npx redovisning check
    - npx redovisning build
  artifacts:
    paths:
      - dist/
`;
  const gitignore = `# ${text(lang, 'init.gitignore')}
dist/
dist.*
node_modules/
`;
  return [
    { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n` },
    { path: '.gitignore', content: gitignore },
    { path: '.github/workflows/redovisning.yml', content: github },
    { path: '.github/redovisning.json', content: `${JSON.stringify(matcher, null, 2)}\n` },
    { path: '.gitlab-ci.yml', content: gitlab },
  ];
}
