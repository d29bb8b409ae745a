import { useTitle } from '../hooks.js';
import { Link } from '../router.js';
import { PageHeader } from '../components/ui.js';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </>
  );
}
