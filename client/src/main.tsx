// ServiceFlow web client entry: language and session providers, the frame, and one route per screen.
import { render } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { installAuth } from './app/auth-store';
import { isBarePath, Layout } from './app/layout';
import { LoginPage } from './auth/login-page';
import { NotFound } from './app/not-found';
import { SessionProvider } from './app/session';
import { HomePage } from './home/home-page';
import { I18nProvider } from './i18n/i18n';
import './styles/app.css';

// bpmn-js is large: the screens that draw diagrams load it on first visit.
const ModelerPage = lazy(() => import('./modeler/modeler-page').then((m) => m.ModelerPage));
const TasklistPage = lazy(() => import('./tasks/tasklist-page').then((m) => m.TasklistPage));
const BoardPage = lazy(() => import('./board/board-page').then((m) => m.BoardPage));
const InstancesPage = lazy(() => import('./instances/instances-page').then((m) => m.InstancesPage));
const InstancePage = lazy(() => import('./instances/instance-page').then((m) => m.InstancePage));
const SurveyPage = lazy(() => import('./surveys/survey-page').then((m) => m.SurveyPage));
const StatusPage = lazy(() => import('./status-page/status-page').then((m) => m.StatusPage));
const KpiPage = lazy(() => import('./kpis/kpi-page').then((m) => m.KpiPage));
const IncidentsPage = lazy(() => import('./incidents/incidents-page').then((m) => m.IncidentsPage));
const AdminPage = lazy(() => import('./admin/admin-page').then((m) => m.AdminPage));
const MigrationPage = lazy(() => import('./migration/migration-page').then((m) => m.MigrationPage));
const DispatchPage = lazy(() => import('./dispatch/dispatch-page').then((m) => m.DispatchPage));

function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider>
          <Layout>
            <ErrorBoundary>
              <Router>
                <Route path="/" component={HomePage} />
                <Route path="/login" component={LoginPage} />
                <Route path="/modeler/:key" component={ModelerPage} />
                <Route path="/tasks" component={TasklistPage} />
                <Route path="/tasks/:id" component={TasklistPage} />
                <Route path="/board" component={BoardPage} />
                <Route path="/instances" component={InstancesPage} />
                <Route path="/instances/:id" component={InstancePage} />
                <Route path="/survey/:token" component={SurveyPage} />
                <Route path="/status/:token" component={StatusPage} />
                <Route path="/kpis" component={KpiPage} />
                <Route path="/dispatch" component={DispatchPage} />
                <Route path="/incidents" component={IncidentsPage} />
                <Route path="/admin" component={AdminPage} />
                <Route path="/migration" component={MigrationPage} />
                <Route default component={NotFound} />
              </Router>
            </ErrorBoundary>
          </Layout>
        </LocationProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

// A 401 anywhere ends the session: back to sign-in, then to where the user was (customer pages never ask).
installAuth((sessionEnded) => {
  if (isBarePath(location.pathname)) return;
  location.assign(`/login?${sessionEnded ? 'expired=1&' : ''}next=${encodeURIComponent(location.pathname + location.search)}`);
});

const root = document.getElementById('app');
if (root) render(<App />, root);
