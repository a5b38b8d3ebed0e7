import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, match, navigate, usePath } from './router.nav';
import { can, useSession } from './session.context';
import { LoginPage } from './login.page';
import { CaseloadPage } from './caseload.page';
import { NewCasePage } from './new-case.page';
import { CasePage } from './case.page';
import { StuckCasesPage } from './stuck-cases.page';
import { CaseloadsPage } from './caseloads.page';
import { DiagnosisPage } from './diagnosis.page';
import { MemberSearchPage } from './member-search.page';
import { MemberEditPage, MemberNewPage, MemberPage } from './member.page';
import { DischargePage, DischargesPage } from './discharges.page';
import { UtilizationReviewPage, UtilizationReviewsPage } from './utilization-reviews.page';
import { ComplaintPage, ComplaintsPage } from './complaints.page';
import { StopParticipationPage } from './stop-participation.page';
import { InboxPage } from './inbox.page';
import { InboxBadge } from './inbox.badge';
import { WorkPage } from './work.page';
import type { Role } from '@careloop/contracts';
import { label } from './format';

/** Reports carry the chart library (recharts): a chunk of their own, loaded when the page is first opened. */
const ReportsPage = lazy(() => import('./reports.page').then((m) => ({ default: m.ReportsPage })));

interface Route {
  readonly pattern: string;
  readonly allowed: (r: Role) => boolean;
  readonly render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: readonly Route[] = [
  { pattern: '/work', allowed: can.workCases, render: () => <WorkPage /> },
  { pattern: '/caseload', allowed: can.workCases, render: () => <CaseloadPage /> },
  { pattern: '/cases/new', allowed: can.workCases, render: () => <NewCasePage /> },
  { pattern: '/cases/:id', allowed: can.workCases, render: (p) => <CasePage key={p.id} caseId={p.id!} /> },
  { pattern: '/members', allowed: can.workCases, render: () => <MemberSearchPage /> },
  { pattern: '/members/new', allowed: can.workCases, render: () => <MemberNewPage /> },
  { pattern: '/members/:id', allowed: can.workCases, render: (p) => <MemberPage key={p.id} memberId={p.id!} /> },
  { pattern: '/members/:id/edit', allowed: can.workCases, render: (p) => <MemberEditPage key={p.id} memberId={p.id!} /> },
  { pattern: '/discharges', allowed: can.workCases, render: () => <DischargesPage /> },
  { pattern: '/discharges/:id', allowed: can.workCases, render: (p) => <DischargePage key={p.id} dischargeId={p.id!} /> },
  { pattern: '/utilization-reviews', allowed: can.workCases, render: () => <UtilizationReviewsPage /> },
  { pattern: '/utilization-reviews/:id', allowed: can.workCases, render: (p) => <UtilizationReviewPage key={p.id} reviewId={p.id!} /> },
  { pattern: '/complaints', allowed: can.workCases, render: () => <ComplaintsPage /> },
  { pattern: '/complaints/:id', allowed: can.workCases, render: (p) => <ComplaintPage key={p.id} complaintId={p.id!} /> },
  { pattern: '/inbox', allowed: can.workCases, render: () => <InboxPage /> },
  { pattern: '/supervisor/stuck', allowed: can.supervise, render: () => <StuckCasesPage /> },
  { pattern: '/supervisor/stop-participation', allowed: can.supervise, render: () => <StopParticipationPage /> },
  { pattern: '/supervisor/caseloads', allowed: can.supervise, render: () => <CaseloadsPage /> },
  { pattern: '/supervisor/cases/:id', allowed: can.supervise, render: (p) => <DiagnosisPage key={p.id} caseId={p.id!} /> },
  {
    pattern: '/reports',
    allowed: can.report,
    render: () => (
      <Suspense fallback={<p className="loading">Loading Reports…</p>}>
        <ReportsPage />
      </Suspense>
    ),
  },
];

/** Where each role lands: a care manager on My work (their worklist), a supervisor on Stuck cases, the committee on Reports. */
const home = (r: Role) => (can.supervise(r) ? '/supervisor/stuck' : can.workCases(r) ? '/work' : '/reports');

export function AppShell() {
  const { me, loading, signOut } = useSession();
  const path = usePath();

  useEffect(() => {
    if (me && (path === '/' || path === '/login')) {
      navigate(home(me.role), { replace: true });
    }
  }, [me, path]);

  if (loading) {
    return <p className="loading">Loading…</p>;
  }
  if (!me) {
    return <LoginPage />;
  }

  const nav: { to: string; text: string; show: boolean; badge?: ReactNode }[] = [
    { to: '/work', text: 'My work', show: can.workCases(me.role) },
    { to: '/caseload', text: me.role === 'care_manager' ? 'My caseload' : 'Team cases', show: can.workCases(me.role) },
    { to: '/cases/new', text: 'New case', show: can.workCases(me.role) },
    { to: '/members', text: 'Members', show: can.workCases(me.role) },
    { to: '/supervisor/stuck', text: 'Stuck cases', show: can.supervise(me.role) },
    { to: '/supervisor/caseloads', text: 'Caseloads', show: can.supervise(me.role) },
    { to: '/discharges', text: 'Discharges', show: can.workCases(me.role) },
    { to: '/utilization-reviews', text: me.role === 'care_manager' ? 'Reviews' : 'Review queue', show: can.workCases(me.role) },
    { to: '/complaints', text: 'Complaints', show: can.workCases(me.role) },
    { to: '/supervisor/stop-participation', text: 'Stop requests', show: can.supervise(me.role) },
    { to: '/reports', text: 'Reports', show: can.report(me.role) },
    { to: '/inbox', text: 'Inbox', show: can.workCases(me.role), badge: <InboxBadge /> },
  ];

  let page: ReactNode = <NotFound />;
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) {
      page = route.allowed(me.role) ? route.render(params) : <NotForRole role={me.role} />;
      break;
    }
  }
  if (!can.workCases(me.role) && !can.report(me.role)) {
    page = <NotForRole role={me.role} />;
  }

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">CareLoop</span>
        <nav aria-label="Main">
          <ul>
            {nav
              .filter((n) => n.show)
              .map((n) => (
                <li key={n.to}>
                  <Link to={n.to} aria-current={path === n.to || (n.to !== '/cases/new' && path.startsWith(`${n.to}/`)) ? 'page' : undefined}>
                    {n.text}
                    {n.badge}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <span className="who">
          {me.sub} · {label(me.role)}
          {me.team ? ` · team ${me.team}` : ''}
        </span>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}

function NotForRole({ role }: { role: Role }) {
  return (
    <section>
      <h1>Not available</h1>
      <p>The console is for care managers and supervisors (and Reports for the committee); the {label(role).toLowerCase()} role cannot use this page.</p>
    </section>
  );
}
