import { mountOptionsPage } from '@/utils/pages/options-page';
import '@/components/styles.css';
import '@/components/extension-page.css';
import '@/components/notices.css';

void mountOptionsPage(document.getElementById('app')!);
