import { mountOptionsPage } from '@/utils/pages/options-page';
import '@/components/styles.css';

void mountOptionsPage(document.getElementById('app')!);
