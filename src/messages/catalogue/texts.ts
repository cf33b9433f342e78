import { message, type Bilingual } from '../message.js';

/** The command line: descriptions, options and usage errors. */
export const CLI_TEXTS = {
  'cli.program': message({
    example: {},
    sv: () => 'Bygger en redovisning av regeringsuppdrag av fakta i YAML och kapitel i Markdown, och vägrar en rapport som motsäger sig själv.',
    en: () => 'Builds a redovisning av regeringsuppdrag from YAML facts and Markdown chapters, refusing a report that contradicts itself.',
  }),
  'cli.exit-codes': message({
    example: {},
    sv: () => 'Slutkoder: 0 felfri, 1 rapporten har fel (inget skrivs), 2 verktyget kunde inte köras.',
    en: () => 'Exit codes: 0 clean, 1 the report has errors (nothing written), 2 the tool could not run.',
  }),
  'cli.lang': message({
    example: {},
    sv: () => 'språk: sv (svenska) eller en (engelska); annars REDOVISNING_LANG eller systemets språk',
    en: () => 'language: sv (Swedish) or en (English); otherwise REDOVISNING_LANG or the locale',
  }),
  'cli.version': message({ example: {}, sv: () => 'visa verktygets version', en: () => "print the tool's version" }),
  'cli.help': message({ example: {}, sv: () => 'visa hjälpen för kommandot', en: () => 'display help for command' }),
  'cli.help-command': message({ example: {}, sv: () => 'visa hjälpen för ett kommando', en: () => 'display help for command' }),
  'cli.root': message({
    example: {},
    sv: () => 'rapportmappen: en mapp med content/ och data/ (standard: den aktuella mappen)',
    en: () => 'report root: a folder with content/ and data/ (default: the current folder)',
  }),
  'cli.check': message({
    example: {},
    sv: () => 'kör alla kontroller av en rapport och skriv inget (startar aldrig någon webbläsare)',
    en: () => 'run every check on a report and write nothing (never starts a browser)',
  }),
  'cli.strict': message({ example: {}, sv: () => 'språkvarningarna (stavning, ord, meningar, termer, LIX) blir fel, så att rapporten inte går igenom', en: () => 'the language warnings (spelling, words, sentences, terms, LIX) become errors, so the report does not pass' }),
  'check.lix': message({
    example: { chapters: 'Sammanfattning 48 · Resultat 55', whole: 52, band: { sv: 'svår', en: 'difficult' } as Bilingual },
    sv: (p) => `LIX (läsbarhet): ${p.chapters}; hela rapporten ${p.whole} (${p.band.sv})`,
    en: (p) => `LIX (readability): ${p.chapters}; the whole report ${p.whole} (${p.band.en})`,
  }),
  'cli.check.quiet': message({ example: {}, sv: () => 'skriv inget när rapporten är felfri', en: () => 'print nothing when the report is clean' }),
  'cli.build': message({
    example: {},
    sv: () => 'kontrollera rapporten och skriv sedan webbsidan, öppna data och PDF-filen till utmappen, allt eller inget',
    en: () => 'check the report, then write the web page, open data and the PDF to the output folder, all or nothing',
  }),
  'cli.build.out': message({ example: {}, sv: () => 'utmapp (standard: <rapportmapp>/dist)', en: () => 'output folder (default: <root>/dist)' }),
  'cli.build.no-pdf': message({ example: {}, sv: () => 'hoppa över PDF-filen (snabbare medan du skriver)', en: () => 'skip the PDF (quicker while writing)' }),
  'cli.build.no-docx': message({ example: {}, sv: () => 'hoppa över Word-filen', en: () => 'skip the Word file' }),
  'cli.build.pdf-timeout': message({ example: {}, sv: () => 'ge upp utskriften av PDF-filen efter så här många sekunder', en: () => 'give up printing the PDF after this many seconds' }),
  'cli.build.pdf-standard': message({
    example: {},
    sv: () => "'auto': PDF/A-2u och PDF/UA-1 så långt rapporten tillåter; 'none': en vanlig PDF",
    en: () => "'auto': PDF/A-2u and PDF/UA-1 as far as the report allows; 'none': a plain PDF",
  }),
  'cli.build.quiet': message({ example: {}, sv: () => 'skriv inget när allt går bra', en: () => 'print nothing on success' }),
  'cli.dev': message({
    example: {},
    sv: () => 'förhandsvisning: visa rapporten, bygg om vid varje sparning och ladda om sidan; /redovisning.pdf skriver ut PDF-filen på begäran',
    en: () => 'live preview: serve the report, rebuild on save, reload the page; /redovisning.pdf prints on demand',
  }),
  'cli.dev.port': message({ example: {}, sv: () => 'porten att lyssna på', en: () => 'port to listen on' }),
  'cli.dev.host': message({ example: {}, sv: () => 'adressen att lyssna på (bara den här datorn som standard)', en: () => 'address to bind (only this machine by default)' }),
  'cli.dev.quiet': message({ example: {}, sv: () => 'skriv bara fel och varningar', en: () => 'print only diagnostics' }),
  'cli.init': message({
    example: {},
    sv: () => 'skapa en ny rapportmapp med exempeldata, kapitel och bilagor som klarar alla kontroller',
    en: () => 'create a new report root with example data, chapters and appendices that check and build clean',
  }),
  'cli.init.dir': message({ example: {}, sv: () => 'mappen som ska skapas (ny eller tom)', en: () => 'folder to create (must be new or empty)' }),
  'cli.init.mall': message({
    example: {},
    sv: () => 'vilken startrapport som kopieras: generisk (en minimal rapport) eller pilotprojekt (som en rapport om beviljade pilotprojekt)',
    en: () => 'which starter report to copy: generisk (a minimal report) or pilotprojekt (shaped like a report on granted pilot projects)',
  }),
  'cli.bad-number': message({
    example: { option: '--port', value: 'x', range: { sv: 'ett heltal 0–65535', en: 'a whole number from 0 to 65535' } as Bilingual },
    sv: (p) => `${p.option} ska vara ${p.range.sv}, inte "${p.value}"`,
    en: (p) => `${p.option} must be ${p.range.en}, got "${p.value}"`,
  }),
  'cli.unknown-command': message({ example: { name: 'bygg' }, sv: (p) => `okänt kommando '${p.name}': kommandona är check, build, dev och init`, en: (p) => `unknown command '${p.name}': the commands are check, build, dev and init` }),
  'cli.unknown-option': message({ example: { name: '--ut' }, sv: (p) => `okänt alternativ '${p.name}': se --help`, en: (p) => `unknown option '${p.name}': see --help` }),
  'cli.missing-argument': message({ example: { name: 'dir' }, sv: (p) => `argumentet '${p.name}' saknas: se --help`, en: (p) => `missing argument '${p.name}': see --help` }),
  'cli.bad-choice': message({ example: { option: '--mall', value: 'okand', choices: 'generisk, pilotprojekt' }, sv: (p) => `${p.option} kan inte vara "${p.value}": välj ${p.choices}`, en: (p) => `${p.option} cannot be "${p.value}": choose ${p.choices}` }),
  'cli.failed': message({ example: { reason: 'EACCES' }, sv: (p) => `redovisning: ${p.reason}`, en: (p) => `redovisning: ${p.reason}` }),
  'cli.stopped': message({
    example: { signal: 'SIGINT', out: 'dist' },
    sv: (p) => `avbruten (${p.signal}): ${p.out} är kvar som det var`,
    en: (p) => `stopped (${p.signal}): ${p.out} is left as it was`,
  }),
};

/** What `build` says while it works. */
export const BUILD_TEXTS = {
  'build.nothing-written': message({ example: { out: 'dist' }, sv: (p) => `inget skrevs: ${p.out} är kvar som det var`, en: (p) => `nothing written: ${p.out} is left as it was` }),
  'build.wrote': message({
    example: { out: 'dist', pdf: true, docx: true },
    sv: (p) => `skrev ${[`${p.out}/index.html`, ...(p.pdf ? [`${p.out}/redovisning.pdf`] : []), ...(p.docx ? [`${p.out}/redovisning.docx`] : [])].join(', ').replace(/, ([^,]*)$/, ' och $1')}`,
    en: (p) => `wrote ${[`${p.out}/index.html`, ...(p.pdf ? [`${p.out}/redovisning.pdf`] : []), ...(p.docx ? [`${p.out}/redovisning.docx`] : [])].join(', ').replace(/, ([^,]*)$/, ' and $1')}`,
  }),
  'pdf.starting': message({ example: {}, sv: () => 'pdf: startar webbläsaren', en: () => 'pdf: starting the browser' }),
  'pdf.laying-out': message({ example: {}, sv: () => 'pdf: sätter sidorna', en: () => 'pdf: laying out the pages' }),
  'pdf.printing': message({ example: { pages: 13 }, sv: (p) => `pdf: ${p.pages} sidor satta; skriver ut`, en: (p) => `pdf: ${p.pages} pages laid out; printing` }),
  'pdf.finishing': message({ example: {}, sv: () => 'pdf: gör klart (metadata, bifogade bilagor)', en: () => 'pdf: finishing (metadata, attachments)' }),
  'pdf.pages': message({ example: { pages: 13 }, sv: (p) => `pdf: ${p.pages} sidor`, en: (p) => `pdf: ${p.pages} pages` }),
  'pdf.standards': message({
    example: { standards: 'PDF/A-2u, PDF/UA-1' },
    sv: (p) => `pdf: uppfyller ${p.standards}`,
    en: (p) => `pdf: meets ${p.standards}`,
  }),
  'pdf.standards-none': message({
    example: { option: '--pdf-standard none' },
    sv: (p) => `pdf: vanlig PDF utan PDF/A och PDF/UA (${p.option})`,
    en: (p) => `pdf: a plain PDF, no PDF/A or PDF/UA (${p.option})`,
  }),
  'pdf.standard-left-out': message({
    example: { standard: 'PDF/A-2u', why: 'bilaga 2 bäddar inte in typsnitten Helvetica' },
    sv: (p) => `pdf: uppfyller inte ${p.standard}, och säger inte att den gör det: ${p.why}`,
    en: (p) => `pdf: does not meet ${p.standard} and does not claim it: ${p.why}`,
  }),
  'pdf.why.no-profile': message({
    example: { path: '/usr/share/color/icc/sRGB.icc' },
    sv: (p) => `sRGB-profilen ${p.path} saknas (installera Debian-paketet icc-profiles-free, eller kör scripts/setup.sh)`,
    en: (p) => `the sRGB profile ${p.path} is missing (install the Debian package icc-profiles-free, or run scripts/setup.sh)`,
  }),
  'pdf.why.appendix-fonts': message({
    example: { number: 2, fonts: 'Helvetica' },
    sv: (p) => `bilaga ${p.number} bäddar inte in typsnitten ${p.fonts}`,
    en: (p) => `bilaga ${p.number} does not embed the fonts ${p.fonts}`,
  }),
  'pdf.why.structure': message({
    example: { reason: 'tables: 3 tagged, 2 laid out' },
    sv: (p) => `taggarna kunde inte göras färdiga (${p.reason})`,
    en: (p) => `the tags could not be completed (${p.reason})`,
  }),
  'pdf.on-demand': message({ example: {}, sv: () => 'pdf: skriver ut på begäran', en: () => 'pdf: printing on demand' }),
};

/** Why the PDF or the output could not be made: what happened and what to do. */
export const TOOL_ERRORS = {
  'pdf.no-model': message({ example: {}, sv: () => 'rapporten har fel: det finns inget att skriva ut', en: () => 'the report has errors: nothing to print' }),
  'pdf.attachment-unreadable': message({
    example: { number: 2, path: 'bilagor/program.pdf' },
    sv: (p) => `bilaga ${p.number}: ${p.path} går inte att läsa; kontrollera sökvägen i data/bilagor.yaml`,
    en: (p) => `bilaga ${p.number}: cannot read ${p.path}; check the path in data/bilagor.yaml`,
  }),
  'pdf.template-failed': message({ example: {}, sv: () => 'utskriftsmallen fungerade inte: se felen ovan', en: () => 'the print template failed: see the diagnostics above' }),
  'pdf.timeout': message({
    example: { seconds: '180' },
    sv: (p) => `PDF-filen var inte klar efter ${p.seconds} s: sättningen kan ha fastnat på en mycket lång tabell eller ett mycket långt stycke. Kör 'npm run build -- --no-pdf' för att kontrollera resten, och dela upp innehållet`,
    en: (p) => `the PDF was not done after ${p.seconds} s: the layout may be stuck on a very long table or paragraph; try 'npm run build -- --no-pdf' to check the rest, and split the content`,
  }),
  'pdf.browser-failed': message({
    example: { reason: 'Target closed' },
    sv: (p) => `webbläsaren slutade fungera under utskriften (${p.reason}): bygg igen; om det fortsätter, installera om Chromium (npx redovisning doktor visar kommandot)`,
    en: (p) => `the browser failed while printing (${p.reason}): run the build again; if it keeps failing, reinstall Chromium (npx redovisning doktor shows the command)`,
  }),
  'pdf.layout-failed': message({ example: { reason: 'x is undefined' }, sv: (p) => `sidsättningen misslyckades i webbläsaren: ${p.reason}`, en: (p) => `the page layout failed in the browser: ${p.reason}` }),
  'pdf.blocked': message({
    example: { count: 1, first: 'https://example.org/x.png' },
    sv: (p) => `rapporten försökte hämta ${p.count} ${p.count === 1 ? 'resurs' : 'resurser'} utifrån (först: ${p.first}); PDF-filen skrivs ut utan nätverk: ta bort hänvisningen eller lägg filen i rapporten`,
    en: (p) => `the report tried to load ${p.count} resource(s) from outside (first: ${p.first}); the PDF is printed offline: remove the reference or put the file in the report`,
  }),
  'pdf.browser-missing': message({
    example: { path: '/usr/bin/chromium', install: 'sudo apt-get update && sudo apt-get install -y chromium-headless-shell' },
    sv: (p) => `Chromium finns inte på ${p.path}: installera det med ${p.install} (npx redovisning doktor visar allt verktyget använder), sätt REDOVISNING_CHROMIUM till en Chromium, eller bygg utan PDF med --no-pdf`,
    en: (p) => `Chromium was not found at ${p.path}: install it with ${p.install} (npx redovisning doktor shows everything the tool uses), set REDOVISNING_CHROMIUM to a Chromium binary, or build without the PDF with --no-pdf`,
  }),
  'pdf.browser-start': message({
    example: { path: '/usr/bin/chromium', reason: 'Timed out' },
    sv: (p) => `Chromium på ${p.path} startade inte (${p.reason}): installera om det (npx redovisning doktor visar kommandot), eller sätt REDOVISNING_CHROMIUM`,
    en: (p) => `Chromium at ${p.path} did not start (${p.reason}): reinstall it (npx redovisning doktor shows the command), or set REDOVISNING_CHROMIUM`,
  }),
  'output.busy': message({
    example: { pid: 4242, target: '/home/anna/rapport/dist', lock: '/home/anna/rapport/dist.lock' },
    sv: (p) => `ett annat bygge (process ${p.pid}) skriver ${p.target}: vänta tills det är klart, eller ta bort ${p.lock} om inget bygge körs`,
    en: (p) => `another build (process ${p.pid}) is writing ${p.target}: wait for it to finish, or remove ${p.lock} if no build is running`,
  }),
  'output.is-root': message({
    example: { out: 'rapport', suggestion: 'rapport/dist' },
    sv: (p) => `utmappen ${p.out} är själva rapportmappen, och bygget ersätter utmappen helt: välj en egen mapp, till exempel ${p.suggestion} (inget skrevs)`,
    en: (p) => `the output folder ${p.out} is the report root itself, and a build replaces its output folder as a whole: choose a folder of its own, such as ${p.suggestion} (nothing was written)`,
  }),
  'output.holds-root': message({
    example: { out: '.', root: 'rapport', suggestion: 'rapport/dist' },
    sv: (p) => `utmappen ${p.out} innehåller rapportmappen ${p.root}, och bygget ersätter utmappen helt: välj en egen mapp, till exempel ${p.suggestion} (inget skrevs)`,
    en: (p) => `the output folder ${p.out} holds the report root ${p.root}, and a build replaces its output folder as a whole: choose a folder of its own, such as ${p.suggestion} (nothing was written)`,
  }),
  'output.in-sources': message({
    example: { out: 'rapport/content', folder: 'content/', suggestion: 'rapport/dist' },
    sv: (p) => `utmappen ${p.out} ligger i eller innehåller rapportens ${p.folder}, som bygget läser: välj en mapp utanför den, till exempel ${p.suggestion} (inget skrevs)`,
    en: (p) => `the output folder ${p.out} lies in or holds the report's ${p.folder}, which the build reads: choose a folder outside it, such as ${p.suggestion} (nothing was written)`,
  }),
  'output.not-ours': message({
    example: { out: 'rapport/dist', marker: '.redovisning-utdata' },
    sv: (p) => `utmappen ${p.out} finns och är inte ett tidigare bygge (den saknar ${p.marker} och innehåller annat än webbsidan, assets/, data/, bilagor/ och PDF-filen), och bygget ersätter utmappen helt: välj en ny eller tom mapp, eller flytta det som ligger där (inget skrevs)`,
    en: (p) => `the output folder ${p.out} exists and is not an earlier build (it lacks ${p.marker} and holds more than the page, assets/, data/, bilagor/ and the PDF), and a build replaces its output folder as a whole: choose a new or empty folder, or move what is there (nothing was written)`,
  }),
  'init.not-empty': message({
    example: { target: '/home/anna/rapport' },
    sv: (p) => `redovisning init: ${p.target} är inte tom: välj en ny mapp (inget ändrades)`,
    en: (p) => `redovisning init: ${p.target} is not empty: choose a new folder (nothing was changed)`,
  }),
  'init.is-file': message({ example: { target: '/home/anna/rapport' }, sv: (p) => `redovisning init: ${p.target} är en fil, inte en mapp`, en: (p) => `redovisning init: ${p.target} is a file, not a folder` }),
  'dev.port-in-use': message({ example: { port: 4321 }, sv: (p) => `port ${p.port} används redan: ange en annan med --port`, en: (p) => `port ${p.port} is in use: pass another with --port` }),
};

/** What `init` says. */
export const INIT_TEXTS = {
  'init.created': message({ example: { target: '/home/anna/rapport' }, sv: (p) => `skapade en rapport i ${p.target}:`, en: (p) => `created a report in ${p.target}:` }),
  'init.data': message({ example: { files: 'rapport, uppdrag' }, sv: (p) => `  data/       fakta (YAML): ${p.files}`, en: (p) => `  data/       the facts (YAML): ${p.files}` }),
  'init.schemas': message({ example: {}, sv: () => '  schemas/    JSON Schema för datafilerna (din redigerare använder dem också)', en: () => '  schemas/    JSON Schemas of the data files (your editor uses them too)' }),
  'init.content': message({ example: {}, sv: () => '  content/    kapitlen (Markdown med {{hjälpfunktioner}}), ett per fil, och bilagornas text', en: () => '  content/    the chapters (Markdown with {{helpers}}), one file per chapter, and appendix bodies' }),
  'init.profile-missing': message({
    example: { name: '../profil' },
    sv: (p) => `redovisning init: profilen ${p.name} finns inte eller har ingen läsbar profil.yaml: ange en mapp med profil.yaml eller ett installerat npm-paket (inget skapades)`,
    en: (p) => `redovisning init: the profile ${p.name} does not exist or has no readable profil.yaml: pass a folder holding profil.yaml or an installed npm package (nothing was created)`,
  }),
  'init.profile-comment': message({
    example: {},
    sv: () => 'Myndighetens profil: namnet, logotypen och kontakten för öppna data kommer därifrån. Det som står här går före.',
    en: () => "The agency's profile: the name, the logo and the open data's contact come from it. What is written here comes first.",
  }),
  'init.cli-profil': message({ example: {}, sv: () => 'starta rapporten från myndighetens profil: en mapp med profil.yaml eller ett installerat npm-paket', en: () => "start the report from the agency's profile: a folder holding profil.yaml or an installed npm package" }),
  'init.repository': message({
    example: {},
    sv: () => '  package.json, .gitignore, .github/ och .gitlab-ci.yml: rapportens eget git-förråd, med verktygets version låst och CI som kontrollerar och bygger',
    en: () => "  package.json, .gitignore, .github/ and .gitlab-ci.yml: the report's own git repository, the tool's version pinned, and CI that checks and builds",
  }),
  'init.package-description': message({ example: {}, sv: () => 'En redovisning av regeringsuppdrag, byggd med redovisning.', en: () => 'A redovisning av regeringsuppdrag, built with redovisning.' }),
  'init.gitignore': message({ example: {}, sv: () => 'Det bygget skriver (npx redovisning build) och det npm installerar: checkas inte in.', en: () => 'What the build writes (npx redovisning build) and what npm installs: not checked in.' }),
  'init.ci-github': message({
    example: {},
    sv: () => 'GitHub Actions: kontrollerar rapporten vid varje push (felen visas vid sina rader) och sparar dist/ som artefakt. Kör npm install en gång och checka in package-lock.json.',
    en: () => 'GitHub Actions: checks the report on every push (the errors show at their lines) and keeps dist/ as an artifact. Run npm install once and check in package-lock.json.',
  }),
  'init.ci-gitlab': message({
    example: {},
    sv: () => 'GitLab CI: kontrollerar rapporten vid varje push (felen står i jobbets logg som fil:rad:kolumn) och sparar dist/ som artefakt. Kör npm install en gång och checka in package-lock.json.',
    en: () => "GitLab CI: checks the report on every push (the errors are in the job's log as file:line:column) and keeps dist/ as an artifact. Run npm install once and check in package-lock.json.",
  }),
  'init.ci-debian': message({ example: {}, sv: () => 'Debian, som verktyget använder: dess Chromium skriver ut PDF-filen, dess Hunspell stavningskontrollerar.', en: () => "Debian, which the tool uses: its Chromium prints the PDF, its Hunspell checks the spelling." }),
  'init.ci-matcher': message({ example: {}, sv: () => 'Problemmatcharna i .github/redovisning.json visar felen och varningarna vid sina rader.', en: () => 'The problem matchers in .github/redovisning.json show the errors and warnings at their lines.' }),
  'init.next': message({ example: { dir: 'rapport' }, sv: (p) => `nästa steg: redovisning dev ${p.dir}   (förhandsvisning), sedan redovisning build ${p.dir}`, en: (p) => `next: redovisning dev ${p.dir}   (live preview), then redovisning build ${p.dir}` }),
};

/** The live preview: its log lines and the overlay over the page. */
export const PREVIEW_TEXTS = {
  'dev.listening': message({ example: { url: 'http://127.0.0.1:4321/' }, sv: (p) => `förhandsvisning: ${p.url} (Ctrl-C avslutar)`, en: (p) => `preview: ${p.url} (Ctrl-C stops)` }),
  'dev.rebuilt': message({ example: { ms: 24, summary: '0 fel, 0 varningar', ok: true, lix: 52 as number | undefined }, sv: (p) => `${p.ok ? 'byggd' : 'inte byggd'} på ${p.ms} ms: ${p.summary}${p.lix === undefined ? '' : ` · LIX ${p.lix}`}`, en: (p) => `${p.ok ? 'rebuilt' : 'not rebuilt'} in ${p.ms} ms: ${p.summary}${p.lix === undefined ? '' : ` · LIX ${p.lix}`}` }),
  'dev.crashed': message({
    example: { reason: 'Maximum call stack size exceeded' },
    sv: (p) => `bygget stannade på ett fel i verktyget (${p.reason}): den senaste felfria versionen visas. Ändra det du senast sparade, och rapportera gärna felet`,
    en: (p) => `the build stopped on a fault of the tool (${p.reason}): the last good version is shown. Change what you saved last, and please report the fault`,
  }),
  'dev.stopped': message({ example: {}, sv: () => 'förhandsvisningen avslutad', en: () => 'preview stopped' }),
  'dev.not-found': message({ example: {}, sv: () => 'finns inte', en: () => 'not found' }),
  'dev.language-title': message({ example: { summary: '0 fel, 2 varningar', lix: 52 as number | undefined }, sv: (p) => `Granskning: ${p.summary}${p.lix === undefined ? '' : ` · LIX ${p.lix}`}`, en: (p) => `Review: ${p.summary}${p.lix === undefined ? '' : ` · LIX ${p.lix}`}` }),
  'dev.overlay-title': message({ example: {}, sv: () => 'Rapporten har fel: den senaste felfria versionen visas under', en: () => 'The report has errors: showing the last good version underneath' }),
  'preview.refused-host': message({
    example: { host: 'evil.example.com' },
    sv: (p) => `förhandsvisningen svarar bara på sin egen adress, inte på Host: ${p.host} (tillåt ett namn med --allow-host)`,
    en: (p) => `the preview answers only at its own address, not for Host: ${p.host} (allow a name with --allow-host)`,
  }),
  'preview.refused-origin': message({
    example: { origin: 'https://evil.example.com' },
    sv: (p) => `förhandsvisningen svarar inte på anrop från en annan webbplats (Origin: ${p.origin})`,
    en: (p) => `the preview does not answer requests from another site (Origin: ${p.origin})`,
  }),
  'preview.refused-site': message({
    example: { site: 'cross-site' },
    sv: (p) => `förhandsvisningen svarar inte på anrop från en annan webbplats (Sec-Fetch-Site: ${p.site})`,
    en: (p) => `the preview does not answer requests from another site (Sec-Fetch-Site: ${p.site})`,
  }),
  'cli.dev.allow-host': message({
    example: {},
    sv: () => 'ytterligare ett värdnamn som förhandsvisningen svarar på (till exempel datorns namn på det lokala nätverket); kan anges flera gånger',
    en: () => 'another host name the preview answers to (the machine\'s name on the local network, say); may be given more than once',
  }),
  'dev.overlay-fix': message({ example: { summary: '2 fel, 0 varningar' }, sv: (p) => `${p.summary}. Rätta dem och spara: sidan laddas om av sig själv.`, en: (p) => `${p.summary}. Fix them and save: the page reloads by itself.` }),
};
