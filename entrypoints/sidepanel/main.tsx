import { mountLookupPage } from '@/utils/pages/lookup-page';
import '@/components/styles.css';
import '@/components/extension-page.css';
import '@/components/notices.css';
import '@/components/answer-form.css';
import './style.css';

void mountLookupPage(document.getElementById('app')!, 'sidepanel');
