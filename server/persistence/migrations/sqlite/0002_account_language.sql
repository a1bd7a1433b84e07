-- The interface language each person chose ('az' or 'en'); NULL until they choose, then the browser's
-- Accept-Language decides.
ALTER TABLE accounts ADD COLUMN language TEXT CHECK (language IN ('az', 'en'));
